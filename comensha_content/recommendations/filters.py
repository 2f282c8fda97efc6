"""The tracker's filters: one function serves the HTML tracker, its CSV export and the API.

``filter_recommendations`` raises ``BadFilterValue`` for an unknown or malformed value, which the
tracker shows as a notice over the unfiltered list and the API answers with 400 (parameters are
described in ``tracker.py``).
"""

import unicodedata

from django.apps import apps
from django.db import DatabaseError, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from comensha_content.core.listing import BadFilterValue, get_codes
from comensha_content.recommendations.choices import GovernmentResponse, ProgressStatus
from comensha_content.taxonomy.models import Organisation

FILTER_PARAMETERS = ("report", "theme", "addressee", "status", "response")
SEARCH_PARAMETER = "q"
#: Longest search text used; the rest is ignored.
MAX_SEARCH_LENGTH = 200

#: Default recommendation themes: the Aanjaagteam Bescherming Arbeidsmigranten's six and the REST
#: project's three. ``ensure_recommendation_themes`` creates them in a locale from these labels.


def _model(name):
    """A model of this capability, looked up when called: the page models import this module."""
    return apps.get_model("comensha_content", name)


# --- Querysets and filtering ---------------------------------------------------------------------


def public_recommendations(locale=None):
    """Recommendations of live, public reports, with their status, terms and history loaded."""
    queryset = (
        _model("Recommendation")
        .objects.public()
        .with_current_status()
        .select_related("locale", "report", "report__locale")
        .prefetch_related(
            Prefetch(
                "themes", queryset=_model("RecommendationTheme").objects.select_related("locale")
            ),
            Prefetch("addressees", queryset=Organisation.objects.select_related("locale")),
            Prefetch(
                "progress_updates",
                queryset=_model("ProgressUpdate")
                .objects.select_related("locale")
                .order_by("date", "sort_order"),
            ),
        )
        .order_by("-report__publication_date", "report__path", "code")
    )
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def filter_recommendations(queryset, params, *, search_parameter=SEARCH_PARAMETER):
    """Apply the tracker's filters in ``params`` (a QueryDict or dict) to ``queryset``.

    Raises BadFilterValue naming the first unknown or malformed value.
    """
    if "latest_status" not in queryset.query.annotations:
        queryset = queryset.with_current_status()

    report_ids = get_codes(params, "report", _known_report_ids(params))
    if report_ids:
        keys = (
            _model("PolicyReportPage").objects.filter(pk__in=report_ids).values("translation_key")
        )
        queryset = queryset.filter(report__translation_key__in=keys)

    theme_codes = get_codes(
        params, "theme", _model("RecommendationTheme").objects.values_list("code", flat=True)
    )
    if theme_codes:
        matching = (
            _model("Recommendation").objects.filter(themes__code__in=theme_codes).values("pk")
        )
        queryset = queryset.filter(pk__in=matching)

    addressee_codes = get_codes(
        params, "addressee", Organisation.objects.values_list("code", flat=True)
    )
    if addressee_codes:
        matching = (
            _model("Recommendation")
            .objects.filter(addressees__code__in=addressee_codes)
            .values("pk")
        )
        queryset = queryset.filter(pk__in=matching)

    status_codes = get_codes(params, "status", ProgressStatus.values)
    if status_codes:
        queryset = queryset.filter(latest_status__in=status_codes)

    response_codes = get_codes(params, "response", GovernmentResponse.values)
    if response_codes:
        queryset = queryset.filter(government_response__in=response_codes)

    text = clean_search_text(params.get(search_parameter))
    if text:
        try:
            with transaction.atomic():  # a savepoint: a failed search must not break the request
                found = search_recommendation_ids(text)
        except DatabaseError as error:
            raise BadFilterValue(
                search_parameter,
                text,
                gettext("These search words cannot be searched for: %(text)s") % {"text": text},
            ) from error
        queryset = queryset.filter(pk__in=found)
    return queryset


def filter_by_locale(queryset, params, parameter="locale"):
    """Only recommendations in the languages given by code (API); BadFilterValue if unknown."""
    codes = get_codes(params, parameter, Locale.objects.values_list("language_code", flat=True))
    return queryset.filter(locale__language_code__in=codes) if codes else queryset


def _known_report_ids(params):
    """The given report ids that exist, as strings (anything else is a bad value)."""
    raw = params.getlist("report") if hasattr(params, "getlist") else [params.get("report")]
    candidates = {
        value.strip()
        for item in raw
        if item
        for value in str(item).split(",")
        if value.strip().isdigit()
    }
    if not candidates:
        return set()
    found = _model("PolicyReportPage").objects.filter(pk__in=[int(value) for value in candidates])
    return {str(pk) for pk in found.values_list("pk", flat=True)}


def clean_search_text(value):
    """Search words without control characters (PostgreSQL rejects NUL) and double quotes (an
    unpaired one breaks SQLite's full-text query syntax), at most 200 characters."""
    text = "".join(
        " " if char == '"' else char
        for char in str(value or "")
        if unicodedata.category(char) != "Cc"
    )
    return " ".join(text.split())[:MAX_SEARCH_LENGTH]


def search_recommendation_ids(text):
    """Primary keys of the recommendations matching ``text`` in Wagtail's search backend."""
    results = get_search_backend().search(text, _model("Recommendation"), operator="and")
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
