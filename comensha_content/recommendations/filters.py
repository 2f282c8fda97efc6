"""The tracker's filters: one FilterSet serves the HTML tracker, its CSV export and the API.

``RecommendationFilterSet`` (django-filter, on ``comensha_content.core.listing``) raises
``BadFilterValue`` from ``filtered()`` for an unknown or malformed value, which the tracker shows
as a notice over the unfiltered list and the API answers with 400 (parameters are described in
``tracker.py``). ``RecommendationAPIFilterSet`` is the same filters for API v2, with ``locale``
first and the text search read from ``search`` instead of ``q``.
"""

from django.db import DatabaseError, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from comensha_content.core.listing import (
    BadFilterValue,
    CodesField,
    CodesFilter,
    ListingFilter,
    ListingFilterSet,
    database_id,
)
from comensha_content.core.search_text import SearchTextField, SearchTextRejected, searchable_text
from comensha_content.recommendations.choices import GovernmentResponse, ProgressStatus
from comensha_content.recommendations.lookups import lazy_model
from comensha_content.taxonomy.models import Organisation

SEARCH_PARAMETER = "q"

#: Default recommendation themes: the Aanjaagteam Bescherming Arbeidsmigranten's six and the REST
#: project's three. ``ensure_recommendation_themes`` creates them in a locale from these labels.


# --- Querysets and filtering ---------------------------------------------------------------------


def public_recommendations(locale=None):
    """Recommendations of live, public reports, with their status, terms and history loaded."""
    queryset = (
        lazy_model("Recommendation")
        .objects.public()
        .with_current_status()
        .select_related("locale", "report", "report__locale")
        .prefetch_related(
            Prefetch(
                "themes",
                queryset=lazy_model("RecommendationTheme").objects.select_related("locale"),
            ),
            Prefetch("addressees", queryset=Organisation.objects.select_related("locale")),
            Prefetch(
                "progress_updates",
                queryset=lazy_model("ProgressUpdate")
                .objects.select_related("locale")
                .order_by("date", "sort_order"),
            ),
        )
        .order_by("-report__publication_date", "report__path", "code")
    )
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


class ReportIdsField(CodesField):
    """Report page ids: the given ids that exist are allowed (anything else is a bad value)."""

    def allowed_codes(self, given):
        candidates = {database_id(value) for value in given} - {None}
        if not candidates:
            return set()
        found = lazy_model("PolicyReportPage").objects.filter(pk__in=candidates)
        return {str(pk) for pk in found.values_list("pk", flat=True)}


class ReportFilter(CodesFilter):
    """Recommendations of the given reports; a report in another language selects the same
    report's translation (by ``translation_key``), so a language switch keeps the filter."""

    field_class = ReportIdsField

    def filter(self, qs, value):
        if not value:
            return qs
        keys = lazy_model("PolicyReportPage").objects.filter(pk__in=value).values("translation_key")
        return qs.filter(report__translation_key__in=keys)


class SearchFilter(ListingFilter):
    """Words searched through Wagtail's search backend; a search the database refuses is a bad
    value (in a savepoint, so a failed search does not break the request)."""

    field_class = SearchTextField

    def filter(self, qs, value):
        if not value:
            return qs
        try:
            with transaction.atomic():
                found = search_recommendation_ids(value)
        except DatabaseError as error:
            raise BadFilterValue(
                self.parameter,
                value,
                gettext("These search words cannot be searched for: %(text)s") % {"text": value},
            ) from error
        return qs.filter(pk__in=found)


def _theme_codes():
    return lazy_model("RecommendationTheme").objects.values_list("code", flat=True)


def _organisation_codes():
    return Organisation.objects.values_list("code", flat=True)


def _language_codes():
    return Locale.objects.values_list("language_code", flat=True)


class RecommendationFilterSet(ListingFilterSet):
    """The tracker's filters; ``q`` (the search words) is the HTML tracker's."""

    report = ReportFilter(
        description="Policy report page ids; a translation selects the same report."
    )
    theme = CodesFilter(
        "themes__code", codes=_theme_codes, description="Recommendation theme codes."
    )
    addressee = CodesFilter(
        "addressees__code", codes=_organisation_codes, description="Organisation codes."
    )
    status = CodesFilter(
        "latest_status",
        codes=ProgressStatus.values,
        subquery=False,
        description="Current status codes.",
    )
    response = CodesFilter(
        "government_response",
        codes=GovernmentResponse.values,
        subquery=False,
        description="Government response codes.",
    )
    q = SearchFilter(html_only=True, description="Words searched for (HTML tracker).")

    def filter_queryset(self, queryset):
        if "latest_status" not in queryset.query.annotations:
            queryset = queryset.with_current_status()
        return super().filter_queryset(queryset)


class RecommendationAPIFilterSet(RecommendationFilterSet):
    """The tracker's filters in API v2: ``locale`` (language codes) first, ``search`` for words."""

    locale = CodesFilter(
        "locale__language_code",
        codes=_language_codes,
        subquery=False,
        description="Language codes: recommendations in any of these languages.",
    )
    q = None
    search = SearchFilter(description="Words searched through Wagtail's search backend.")

    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        filters.move_to_end("locale", last=False)
        return filters


#: The tracker's code filters (the filter form's selects).
FILTER_PARAMETERS = RecommendationFilterSet.api_parameters()


def clean_search_text(value):
    """The search words to show in the filter form: searchable words, "" over the limits."""
    try:
        return searchable_text(value)
    except SearchTextRejected:
        return ""


def search_recommendation_ids(text):
    """Primary keys of the recommendations matching ``text`` in Wagtail's search backend."""
    results = get_search_backend().search(text, lazy_model("Recommendation"), operator="and")
    return [result.pk for result in results]


def selected_filters(params):
    """The first value of each filter and the search text, to fill in the filter form."""
    selected = {name: (params.get(name) or "").split(",")[0].strip() for name in FILTER_PARAMETERS}
    selected[SEARCH_PARAMETER] = clean_search_text(params.get(SEARCH_PARAMETER))
    return selected


def filter_querystring(params, exclude=("page",)):
    """``params`` without ``exclude`` as a query string (for pagination and the CSV link)."""
    query = params.copy() if hasattr(params, "copy") else dict(params)
    for name in exclude:
        query.pop(name, None)
    return query.urlencode() if hasattr(query, "urlencode") else ""
