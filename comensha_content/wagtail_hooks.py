"""Admin integration: snippet viewsets, the bulk publish check and the headless preview button."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .api import preview_admin  # noqa: F401  (registers the headless preview view and button)
from .publishing import refuse_invalid_bulk_publish
from .viewsets import SNIPPET_VIEWSETS

for viewset in SNIPPET_VIEWSETS:
    register_snippet(viewset)

hooks.register("before_bulk_action", refuse_invalid_bulk_publish)
