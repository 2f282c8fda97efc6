"""Snippet admin for recommendations and their themes, grouped under one menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from comensha_content.recommendations.models import Recommendation, RecommendationTheme
from comensha_content.taxonomy.viewsets import TermViewSet


class RecommendationViewSet(SnippetViewSet):
    model = Recommendation
    icon = "list-ul"
    list_display = [
        "code",
        "title",
        "report",
        "government_response",
        "get_current_status_display",
        "locale",
    ]
    list_filter = ["government_response", "urgency"]
    search_fields = ["code", "title", "text"]
    ordering = ["-report__publication_date", "code"]


class RecommendationThemeViewSet(TermViewSet):
    model = RecommendationTheme
    icon = "tag"


class RecommendationViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Recommendations")
    menu_icon = "list-ul"
    menu_name = "comensha-recommendations"
    items = (RecommendationViewSet, RecommendationThemeViewSet)


SNIPPET_VIEWSETS = [RecommendationViewSetGroup]
