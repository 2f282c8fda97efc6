"""Admin integration: registers each capability's snippet viewsets."""

from wagtail.snippets.models import register_snippet

from .viewsets import SNIPPET_VIEWSETS

for viewset in SNIPPET_VIEWSETS:
    register_snippet(viewset)
