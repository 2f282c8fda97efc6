"""Admin integration: each capability's snippet viewsets, and the bulk publish check."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .publishing import refuse_invalid_bulk_publish
from .viewsets import SNIPPET_VIEWSETS

for viewset in SNIPPET_VIEWSETS:
    register_snippet(viewset)

hooks.register("before_bulk_action", refuse_invalid_bulk_publish)
