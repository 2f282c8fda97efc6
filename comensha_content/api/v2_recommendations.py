"""API v2 endpoint for recommendations, with the tracker's filters.

Register it in a site's router: ``api_router.register_endpoint("recommendations",
RecommendationsAPIViewSet)``. Query parameters: ``report``, ``theme``, ``addressee``, ``status``,
``response`` (as on the tracker), ``locale`` (language codes), ``search`` (text, through Wagtail's
search backend), defined by the django-filter FilterSet ``RecommendationAPIFilterSet``; plus
Wagtail's ``fields``, ``order``, ``limit`` and ``offset``. An unknown or malformed value answers 400 with ``{"message": ...}``. Only recommendations of live, public
reports are served. Detail responses carry ETag and Last-Modified (``caching.py``).
"""

from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet

from comensha_content.api.caching import ConditionalRecommendationMixin
from comensha_content.api.http_headers import RequestLanguageMixin
from comensha_content.api.v2 import ValidSearchOperatorMixin
from comensha_content.core.listing import BadFilterValue
from comensha_content.recommendations.filters import (
    RecommendationAPIFilterSet,
    public_recommendations,
)
from comensha_content.recommendations.models import Recommendation


class RecommendationFilter:
    """DRF filter backend running the tracker's own FilterSet (``locale`` and ``search`` added)."""

    def filter_queryset(self, request, queryset, view):
        try:
            return RecommendationAPIFilterSet(request.GET, queryset, api=True).filtered()
        except BadFilterValue as error:
            raise BadRequestError(error.message) from error


class RecommendationsAPIViewSet(
    RequestLanguageMixin, ValidSearchOperatorMixin, ConditionalRecommendationMixin, BaseAPIViewSet
):
    model = Recommendation
    name = "recommendations"
    filter_backends = [RecommendationFilter, OrderingFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(
        RecommendationAPIFilterSet.api_parameters()
    )
    meta_fields = BaseAPIViewSet.meta_fields + ["locale", "html_url"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "locale",
        "html_url",
        "code",
        "title",
        "report",
        "themes",
        "addressees",
        "government_response",
        "current_status",
    ]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + [
        "locale",
        "html_url",
        "code",
        "title",
    ]

    def get_queryset(self):
        return public_recommendations()
