"""API v2 endpoints: Wagtail's pages endpoint with each page type's own filters.

Use ``ComenshaPagesAPIViewSet`` instead of Wagtail's ``PagesAPIViewSet`` when registering the
``pages`` endpoint. With ``?type=app.Model`` the model's ``api_filter_parameters`` become valid
query parameters; a bad value answers 400 with a message, as does an unknown locale or a value
outside a model field's choices. Detail responses carry ETag and
Last-Modified and answer 304 to a matching ``If-None-Match`` (``caching.py``).
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import translation
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale

from .caching import ConditionalDetailMixin
from .filters import BadFilterValue, apply_model_filters


class ModelFilters:
    """DRF filter backend running the model's own ``apply_filters``."""

    def filter_queryset(self, request, queryset, view):
        try:
            return apply_model_filters(queryset.model, queryset, request.GET)
        except BadFilterValue as error:
            raise BadRequestError(error.message) from error


class KnownLocaleFilter:
    """``?locale=`` must name a configured locale: 400 with a message (Wagtail answers 404)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        code = request.GET["locale"]
        if not Locale.objects.filter(language_code=code).exists():
            known = ", ".join(
                Locale.objects.order_by("language_code").values_list("language_code", flat=True)
            )
            raise BadRequestError(f"Unknown locale {code!r} for 'locale'; use one of: {known}.")
        return queryset


class FieldValueFilter:
    """Values of model-field filters (``?narrator_kind=``) are checked before Wagtail filters.

    A value outside a field's choices, or one its field cannot read (a date that is no date),
    answers 400 with a message, instead of an empty listing or a 500.
    """

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        names = set(view.get_available_fields(model, db_fields_only=True)) - {"locale"}
        for name in names & set(request.GET):
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            value = request.GET[name]
            if getattr(field, "choices", None) and not field.is_relation:
                codes = {str(code) for code, _label in field.flatchoices}
                if value not in codes:
                    raise BadRequestError(BadFilterValue(name, value).message)
            elif isinstance(field, models.DateField | models.DecimalField | models.UUIDField):
                try:
                    field.to_python(value)
                except ValidationError as error:
                    raise BadRequestError(
                        f"field filter error. {value!r} is not a valid value for {name}"
                    ) from error
        return queryset


class LocalizedPageSerializer(PageSerializer):
    """Serialises a page in its own language: choosers and snippets resolve to that locale."""

    def to_representation(self, instance):
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class ComenshaPagesAPIViewSet(ConditionalDetailMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint with the models' filters and conditional detail responses."""

    base_serializer_class = LocalizedPageSerializer
    filter_backends = [
        KnownLocaleFilter,
        FieldValueFilter,
        *(backend for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter),
        ModelFilters,
        SearchFilter,  # must stay last
    ]

    def check_query_parameters(self, queryset):
        extra = frozenset(getattr(queryset.model, "api_filter_parameters", ()))
        if extra:
            self.known_query_parameters = self.known_query_parameters | extra
        super().check_query_parameters(queryset)
