"""Admin viewsets, one module per capability; wagtail_hooks registers SNIPPET_VIEWSETS."""

from . import recommendations, taxonomy

SNIPPET_VIEWSETS = [*taxonomy.SNIPPET_VIEWSETS, *recommendations.SNIPPET_VIEWSETS]
