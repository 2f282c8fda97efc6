"""API v2 endpoints: Wagtail's pages endpoint with each page type's own filters.

Use ``ComenshaPagesAPIViewSet`` instead of Wagtail's ``PagesAPIViewSet`` when registering the
``pages`` endpoint. With ``?type=app.Model`` the model's ``api_filter_parameters`` become valid
query parameters; a bad value answers 400 with a message. Detail responses carry ETag and
Last-Modified and answer 304 to a matching ``If-None-Match`` (``caching.py``).
"""

from django.utils import translation
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from .caching import ConditionalDetailMixin
from .filters import BadFilterValue, apply_model_filters


class ModelFilters:
    """DRF filter backend running the model's own ``apply_filters``."""

    def filter_queryset(self, request, queryset, view):
        try:
            return apply_model_filters(queryset.model, queryset, request.GET)
        except BadFilterValue as error:
            raise BadRequestError(error.message) from error


class LocalizedPageSerializer(PageSerializer):
    """Serialises a page in its own language: choosers and snippets resolve to that locale."""

    def to_representation(self, instance):
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class ComenshaPagesAPIViewSet(ConditionalDetailMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint with the models' filters and conditional detail responses."""

    base_serializer_class = LocalizedPageSerializer
    filter_backends = [
        backend for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter
    ] + [ModelFilters, SearchFilter]  # SearchFilter must stay last

    def check_query_parameters(self, queryset):
        extra = frozenset(getattr(queryset.model, "api_filter_parameters", ()))
        if extra:
            self.known_query_parameters = self.known_query_parameters | extra
        super().check_query_parameters(queryset)
