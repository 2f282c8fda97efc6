"""API v2 endpoints: Wagtail's pages endpoint with each page type's own filters.

Use ``ComenshaPagesAPIViewSet`` instead of Wagtail's ``PagesAPIViewSet`` when registering the
``pages`` endpoint. With ``?type=app.Model`` the API parameters of the model's ``filterset_class``
(a django-filter FilterSet, ``comensha_content.core.listing``) become valid query parameters; a
bad value answers 400 with a message, as does an unknown locale or a value
outside a model field's choices. Detail responses carry ETag and
Last-Modified and answer 304 to a matching ``If-None-Match`` (``caching.py``).
``find/?html_path=`` resolves paths in every language and ``?translation_key=`` lists a page's
translations (``routing.py``); messages follow the request's ``Accept-Language``
(``http_headers.RequestLanguageMixin``).
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import translation
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale, Site

from comensha_content.api.caching import ConditionalDetailMixin
from comensha_content.api.http_headers import RequestLanguageMixin
from comensha_content.api.routing import BadTranslationKey, parse_translation_key, route_html_path
from comensha_content.api.search_limits import check_v2_query
from comensha_content.core.bulk_scope import bulk_scope, preload_chosen
from comensha_content.core.listing import BadFilterValue, model_filterset
from comensha_content.safety.consent import Channel
from comensha_content.safety.consent_lifecycle import exclude_not_consented


class ModelFilters:
    """DRF filter backend running the model's own FilterSet (its API parameters)."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = model_filterset(queryset.model)
        if filterset_class is None:
            return queryset
        try:
            return filterset_class(request.GET, queryset, api=True).filtered()
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


class TranslationKeyFilter:
    """``?translation_key=<uuid>``: the page in every language (with ``locale=``, in one)."""

    def filter_queryset(self, request, queryset, view):
        if "translation_key" not in request.GET:
            return queryset
        try:
            key = parse_translation_key(request.GET["translation_key"])
        except BadTranslationKey as error:
            raise BadRequestError(str(error)) from error
        return queryset.filter(translation_key=key)


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


def with_api_relations(queryset):
    """Load, for all listed pages at once, the relations their API fields read.

    Each page's locale, and every foreign key and many-to-many field named in the page type's
    ``api_fields`` with the related objects' locale: a listing of 20 instruments then costs the
    same queries as a listing of 2. A page type adds what its computed API fields read in
    ``api_select_related``. Wagtail's listing of any page type (no ``type=``) is left
    alone apart from the locale; it fetches specific pages per type itself.
    """
    queryset = queryset.select_related("locale")
    api_field_names = {
        getattr(field, "name", field) for field in getattr(queryset.model, "api_fields", ())
    }
    select, prefetch = [], []
    for field in queryset.model._meta.get_fields():
        related = field.related_model
        if field.name not in api_field_names or related is None or field.auto_created:
            continue
        has_locale = any(f.name == "locale" for f in related._meta.concrete_fields)
        if field.many_to_many:
            terms = related._default_manager.all()
            prefetch.append(
                Prefetch(field.name, terms.select_related("locale") if has_locale else terms)
            )
        elif field.many_to_one:
            select.append(f"{field.name}__locale" if has_locale else field.name)
    select += getattr(queryset.model, "api_select_related", ())
    return queryset.select_related(*select).prefetch_related(*prefetch)


def stream_field_names(model):
    """The StreamFields of ``model`` (API fields and the properties reading them use them)."""
    from wagtail.fields import StreamField

    return [field.name for field in model._meta.get_fields() if isinstance(field, StreamField)]


class LocalizedPageSerializer(PageSerializer):
    """Serialises a page in its own language: choosers and snippets resolve to that locale."""

    def to_representation(self, instance):
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class ValidSearchOperatorMixin:
    """400 for a ``search_operator`` other than "and" or "or", and (``search_limits.py``) for a
    search over the limits, a huge ``offset`` or a NUL character in any parameter.

    Wagtail's v2 search filter hands the value to the search backend, whose ValueError then
    becomes a server error. Mix into any v2 viewset (the example does for images and documents).
    """

    search_operators = ("and", "or")

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_v2_query(request)  # search limits, offset, NUL (search_limits.py)

    def check_query_parameters(self, queryset):
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in self.search_operators:
            raise BadRequestError(
                "search_operator must be one of: " + ", ".join(self.search_operators)
            )
        super().check_query_parameters(queryset)


class ComenshaPagesAPIViewSet(
    RequestLanguageMixin, ValidSearchOperatorMixin, ConditionalDetailMixin, PagesAPIViewSet
):
    """Wagtail's pages endpoint with the models' filters and conditional detail responses."""

    base_serializer_class = LocalizedPageSerializer
    filter_backends = [
        KnownLocaleFilter,
        TranslationKeyFilter,
        FieldValueFilter,
        *(backend for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter),
        ModelFilters,
        SearchFilter,  # must stay last
    ]

    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"translation_key"}

    def get_queryset(self):
        return with_api_relations(super().get_queryset())

    def get_object(self):
        """The specific page with what its API fields read (``api_select_related``), in the
        one query Wagtail's ``.specific`` takes anyway."""
        if not hasattr(self, "_cached_object"):
            base = super(PagesAPIViewSet, self).get_object()
            model = base.specific_class
            related = getattr(model, "api_select_related", ())
            if model is None or not related:
                self._cached_object = base.specific
            else:
                page = next(
                    iter(
                        model.objects.select_related("locale", *related)
                        .filter(pk=base.pk)
                        .order_by()[:1]  # the primary key: an ORDER BY only costs compiling
                    ),
                    None,
                )
                self._cached_object = page if page is not None else base.specific
        return self._cached_object

    def detail_view(self, request, pk):
        """Serialised in one ``bulk_scope``, as a listing: shared lookups made once."""
        with bulk_scope():
            return super().detail_view(request, pk)

    def find_object(self, queryset, request):
        """``?html_path=`` in any language: ``/en/...`` routes in the English tree (routing.py)."""
        if "html_path" in request.GET:
            page = route_html_path(
                request, Site.find_for_request(request), request.GET["html_path"]
            )
            if page is not None and queryset.filter(pk=page.pk).exists():
                return page
        return super(PagesAPIViewSet, self).find_object(queryset, request)

    def listing_view(self, request):
        """Wagtail's listing, serialised in one ``bulk_scope``: shared lookups made once.

        The chosen objects of every listed page's StreamFields are fetched together first, so
        ``limit=20`` takes the queries of ``limit=1`` (``core.bulk_scope``).
        """
        with bulk_scope():
            queryset = self.get_queryset()
            self.check_query_parameters(queryset)
            queryset = self.filter_queryset(queryset)
            pages = list(self.paginate_queryset(queryset))
            preload_chosen(pages, stream_field_names(queryset.model))
            prepare = getattr(queryset.model, "prepare_api_listing", None)
            if prepare is not None and pages:
                prepare(pages)
            serializer = self.get_serializer(pages, many=True)
            return self.get_paginated_response(serializer.data)

    def get_base_queryset(self):
        """An unknown ``?site=`` is a 404 and a malformed port a 400, as in Wagtail 8.

        Wagtail 7.4 lets both through as server errors (Site.DoesNotExist, ValueError).
        """
        try:
            queryset = super().get_base_queryset()
        except Site.DoesNotExist as error:
            raise Http404(f"site not found: {self.request.GET.get('site')}") from error
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        # Stories whose consent leaves out the API (or has ended) are not served here.
        return exclude_not_consented(queryset, Channel.API)

    def check_query_parameters(self, queryset):
        filterset_class = model_filterset(queryset.model)
        extra = frozenset(filterset_class.api_parameters() if filterset_class else ())
        if extra:
            self.known_query_parameters = self.known_query_parameters | extra
        super().check_query_parameters(queryset)
