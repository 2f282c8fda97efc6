"""Admin viewsets, one module per capability; wagtail_hooks registers SNIPPET_VIEWSETS."""

from . import taxonomy

SNIPPET_VIEWSETS = [*taxonomy.SNIPPET_VIEWSETS]
