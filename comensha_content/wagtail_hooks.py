"""Admin integration: registers each capability's snippet viewsets."""

from wagtail.snippets.models import register_snippet

from .viewsets import SNIPPET_VIEWSETS

for viewset in SNIPPET_VIEWSETS:
    register_snippet(viewset)

from .api import preview_admin  # noqa: E402, F401  (headless preview: admin view and button)
