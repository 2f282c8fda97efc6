"""Tracker logic for policy recommendations: filtering, counts, chart, CSV and serialisers.

One filtering function (``filter_recommendations``) serves the HTML tracker, its CSV export and
the API; it raises ``BadFilterValue`` for an unknown or malformed value, which the tracker shows
as a notice over the unfiltered list and the API answers with 400. The serialisers return plain
dicts, so API v2 (through ``RepresentationField``), v3 and templates share them.

Filter parameters (repeat a parameter or separate values with commas to accept several; different
parameters narrow each other down):

- ``report``: the id of a policy report page; a report in another language selects the same
  report's translation, so a language switch keeps the filter;
- ``theme``: recommendation theme codes; ``addressee``: organisation codes;
- ``status``: current status codes (``ProgressStatus``); ``response``: ``GovernmentResponse`` codes;
- ``q`` (HTML) or ``search`` (API): words searched through Wagtail's search backend.
"""

import csv
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from comensha_content.core.conf import get_setting
from comensha_content.core.listing import BadFilterValue, get_codes
from comensha_content.core.representation import page_link_representation
from comensha_content.recommendations.models import (
    DocumentType,
    GovernmentResponse,
    PolicyReportPage,
    ProgressStatus,
    ProgressUpdate,
    Recommendation,
    RecommendationIndexPage,
    RecommendationTheme,
    Urgency,
)
from comensha_content.taxonomy.models import Organisation

try:
    from wagtail.api.utils import get_full_url
except ImportError:  # Wagtail 7.4 keeps it in the v2 package
    from wagtail.api.v2.utils import get_full_url

FILTER_PARAMETERS = ("report", "theme", "addressee", "status", "response")
SEARCH_PARAMETER = "q"
#: Longest search text used; the rest is ignored.
MAX_SEARCH_LENGTH = 200

#: Default recommendation themes: the Aanjaagteam Bescherming Arbeidsmigranten's six and the REST
#: project's three. ``ensure_recommendation_themes`` creates them in a locale from these labels.
RECOMMENDATION_THEME_SEEDS = [
    ("agency-work", _("Agency work")),
    ("visibility-of-labour-migration", _("Visibility of labour migration")),
    ("housing", _("Housing")),
    ("health-and-wellbeing", _("Health and wellbeing")),
    ("enforcement-and-supervision", _("Enforcement and supervision")),
    ("institutional-embedding", _("Institutional embedding")),
    ("identification", _("Identification of victims")),
    ("residence-permit", _("Residence permit")),
    ("international-protection", _("International protection")),
]


def ensure_recommendation_themes(locale):
    """Create the seed themes missing in ``locale``, named in its language; return all of them."""
    with translation.override(locale.language_code):
        for order, (code, label) in enumerate(RECOMMENDATION_THEME_SEEDS, start=1):
            RecommendationTheme.objects.get_or_create(
                locale=locale, code=code, defaults={"name": str(label), "sort_order": order}
            )
    return RecommendationTheme.objects.filter(locale=locale)


# --- Querysets and filtering ---------------------------------------------------------------------


def public_recommendations(locale=None):
    """Recommendations of live, public reports, with their status, terms and history loaded."""
    queryset = (
        Recommendation.objects.public()
        .with_current_status()
        .select_related("locale", "report", "report__locale")
        .prefetch_related(
            Prefetch("themes", queryset=RecommendationTheme.objects.select_related("locale")),
            Prefetch("addressees", queryset=Organisation.objects.select_related("locale")),
            Prefetch(
                "progress_updates",
                queryset=ProgressUpdate.objects.select_related("locale").order_by(
                    "date", "sort_order"
                ),
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
        keys = PolicyReportPage.objects.filter(pk__in=report_ids).values("translation_key")
        queryset = queryset.filter(report__translation_key__in=keys)

    theme_codes = get_codes(
        params, "theme", RecommendationTheme.objects.values_list("code", flat=True)
    )
    if theme_codes:
        matching = Recommendation.objects.filter(themes__code__in=theme_codes).values("pk")
        queryset = queryset.filter(pk__in=matching)

    addressee_codes = get_codes(
        params, "addressee", Organisation.objects.values_list("code", flat=True)
    )
    if addressee_codes:
        matching = Recommendation.objects.filter(addressees__code__in=addressee_codes).values("pk")
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
    found = PolicyReportPage.objects.filter(pk__in=[int(value) for value in candidates])
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
    results = get_search_backend().search(text, Recommendation, operator="and")
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


# --- Counts and chart ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCount:
    code: str
    label: str
    count: int


def status_counts(queryset):
    """Recommendations per current status, every status of the vocabulary in order (zeros too)."""
    if "latest_status" not in queryset.query.annotations:
        queryset = queryset.with_current_status()
    counts = Counter(queryset.order_by().values_list("latest_status", flat=True))
    return [
        StatusCount(code, str(label), counts.get(code, 0)) for code, label in ProgressStatus.choices
    ]


@dataclass(frozen=True)
class ChartBar:
    code: str
    label: str
    count: int
    y: float
    text_y: float
    width: float
    value_x: float


def status_chart(counts, *, width=640, label_width=230, bar_height=22, gap=10):
    """Geometry of a horizontal bar chart of ``counts`` for an inline SVG (no scripts)."""
    largest = max((item.count for item in counts), default=0) or 1
    bar_space = width - label_width - 50
    bars = []
    for index, item in enumerate(counts):
        y = index * (bar_height + gap)
        bar_width = round(bar_space * item.count / largest, 1)
        bars.append(
            ChartBar(
                code=item.code,
                label=item.label,
                count=item.count,
                y=y,
                text_y=y + bar_height * 0.72,
                width=bar_width,
                value_x=label_width + bar_width + 8,
            )
        )
    return {
        "width": width,
        "height": len(counts) * (bar_height + gap),
        "label_width": label_width,
        "bar_height": bar_height,
        "bars": bars,
        "total": sum(item.count for item in counts),
    }


# --- Terms in the served language ----------------------------------------------------------------


@dataclass(frozen=True)
class LocalizedTerm:
    term: object
    is_fallback: bool

    @property
    def code(self):
        return self.term.code

    @property
    def name(self):
        return self.term.name

    @property
    def language_code(self):
        return self.term.locale.language_code


class TermLookup:
    """Taxonomy terms in one locale, by translation key; loads each (small) taxonomy once.

    Themes and addressees keep the source language's terms after translation; this shows each in
    the served language, or the source term marked ``is_fallback`` when it has no translation.
    """

    def __init__(self, locale):
        self.locale = locale
        self._terms = {}

    def localize(self, term):
        if term.locale_id == self.locale.pk:
            return LocalizedTerm(term, False)
        model = type(term)
        if model not in self._terms:
            self._terms[model] = {
                item.translation_key: item
                for item in model.objects.filter(locale=self.locale).select_related("locale")
            }
        translated = self._terms[model].get(term.translation_key)
        return LocalizedTerm(translated, False) if translated else LocalizedTerm(term, True)

    def localize_all(self, terms):
        """Localised terms, one per code, in taxonomy order."""
        by_code = {}
        for term in terms:
            localized = self.localize(term)
            by_code.setdefault(localized.code, localized)
        return sorted(by_code.values(), key=lambda item: (item.term.sort_order, item.name))

    def representation(self, term):
        localized = self.localize(term)
        return {**localized.term.get_api_representation(), "is_fallback": localized.is_fallback}


def _request_cache(request, name, factory):
    """A per-request cache (the API serialises many recommendations with one request)."""
    if request is None:
        return factory()
    cache = request.__dict__.setdefault("_comensha_recommendations_cache", {})
    if name not in cache:
        cache[name] = factory()
    return cache[name]


def term_lookup(locale, request=None):
    return _request_cache(request, ("terms", locale.pk), lambda: TermLookup(locale))


def tracker_for_locale(locale, request=None):
    """The first live, public tracker page in ``locale``: where recommendations have their URL."""
    return _request_cache(
        request,
        ("tracker", locale.pk),
        lambda: (
            RecommendationIndexPage.objects.live()
            .public()
            .filter(locale=locale)
            .order_by("path")
            .first()
        ),
    )


def recommendation_url(recommendation, request=None, *, tracker=None, full=False):
    tracker = tracker or tracker_for_locale(recommendation.locale, request)
    if tracker is None:
        return None
    return tracker.recommendation_url(recommendation, request, full=full)


# --- Listing items for templates and CSV -----------------------------------------------------------


@dataclass
class RecommendationItem:
    """A recommendation with what a listing shows: its URL and terms in the served language."""

    recommendation: Recommendation
    url: str | None
    themes: list
    addressees: list

    @property
    def status_label(self):
        return self.recommendation.get_current_status_display()


def recommendation_items(recommendations, locale, request=None, *, tracker=None, full_urls=False):
    lookup = term_lookup(locale, request)
    tracker = tracker or tracker_for_locale(locale, request)
    return [
        RecommendationItem(
            recommendation=recommendation,
            url=tracker.recommendation_url(recommendation, request, full=full_urls)
            if tracker
            else None,
            themes=lookup.localize_all(recommendation.themes.all()),
            addressees=lookup.localize_all(recommendation.addressees.all()),
        )
        for recommendation in recommendations
    ]


def _used_terms(model, related_name, recommendations, lookup):
    terms = model.objects.filter(**{f"{related_name}__in": recommendations.values("pk")})
    return lookup.localize_all(terms.select_related("locale").distinct())


def filter_options(locale, request=None):
    """Choices of the tracker's filter form: what the tracker's recommendations use."""
    recommendations = Recommendation.objects.public().filter(locale=locale)
    lookup = term_lookup(locale, request)
    return {
        "reports": PolicyReportPage.objects.filter(
            pk__in=recommendations.values("report_id")
        ).order_by("-publication_date", "title"),
        "themes": _used_terms(RecommendationTheme, "recommendations", recommendations, lookup),
        "addressees": _used_terms(
            Organisation, "addressed_recommendations", recommendations, lookup
        ),
        "statuses": ProgressStatus.choices,
        "responses": GovernmentResponse.choices,
    }


def tracker_context(tracker, params, request=None):
    """Template context of the tracker: filtered list, notice, counts, chart, pagination."""
    base = public_recommendations(tracker.locale)
    notice = None
    try:
        filtered = filter_recommendations(base, params)
        selected = selected_filters(params)
        querystring = filter_querystring(params)
    except BadFilterValue as error:
        filtered = base
        notice = error.message
        selected = selected_filters({})
        querystring = ""
    counts = status_counts(filtered)
    page_obj = Paginator(filtered, get_setting("PAGINATE_BY")).get_page(params.get("page"))
    export_url = tracker.url + tracker.reverse_subpage("export_csv") if tracker.url else None
    return {
        "filter_notice": notice,
        "selected_filters": selected,
        "filter_options": filter_options(tracker.locale, request),
        "is_filtered": bool(querystring) and notice is None,
        "filter_querystring": querystring,
        "recommendations_page": page_obj,
        "recommendation_items": recommendation_items(
            page_obj.object_list, tracker.locale, request, tracker=tracker
        ),
        "status_counts": counts,
        "status_chart": status_chart(counts),
        "export_url": export_url,
    }


def recommendation_detail_context(tracker, pk, request=None):
    """Context of one recommendation's page under ``tracker``; 404 outside its locale."""
    recommendation = public_recommendations(tracker.locale).filter(pk=pk).first()
    if recommendation is None:
        raise Http404("No such recommendation in this tracker.")
    (item,) = recommendation_items([recommendation], tracker.locale, request, tracker=tracker)
    return {
        "recommendation": recommendation,
        "recommendation_item": item,
        "history": recommendation.history,
        "tracker": tracker,
    }


def report_context(report, request=None):
    """Context of a report page: its recommendations with their status and tracker links."""
    recommendations = public_recommendations(report.locale).filter(report=report)
    return {
        "recommendation_items": recommendation_items(recommendations, report.locale, request),
    }


# --- CSV ------------------------------------------------------------------------------------------

CSV_COLUMNS = [
    _("Code"),
    _("Title"),
    _("Report"),
    _("Themes"),
    _("Addressees"),
    _("Government response"),
    _("Current status"),
    _("Status date"),
    _("Web address"),
]

#: Spreadsheets run cells starting with these as formulas (CSV injection); such cells get a '.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def csv_rows(items):
    """One row per recommendation item, in the order of ``CSV_COLUMNS``."""
    for item in items:
        recommendation = item.recommendation
        status_date = recommendation.current_status_date
        yield [
            recommendation.code,
            recommendation.title,
            recommendation.report.title,
            "; ".join(term.name for term in item.themes),
            "; ".join(term.name for term in item.addressees),
            recommendation.get_government_response_display(),
            recommendation.get_current_status_display(),
            status_date.isoformat() if status_date else "",
            item.url or "",
        ]


def write_recommendations_csv(stream, items):
    """Write a byte-order mark, the header row and one row per item to a text ``stream``."""
    stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow([str(column) for column in CSV_COLUMNS])
    for row in csv_rows(items):
        writer.writerow([spreadsheet_safe(cell) for cell in row])


def csv_response(tracker, request):
    """The tracker's filtered list as CSV; a bad filter value answers 400 with the message."""
    try:
        filtered = filter_recommendations(public_recommendations(tracker.locale), request.GET)
    except BadFilterValue as error:
        return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{tracker.slug}.csv"
    )
    items = recommendation_items(filtered, tracker.locale, request, tracker=tracker, full_urls=True)
    write_recommendations_csv(response, items)
    return response


# --- Serialisers (plain dicts; API v2 via RepresentationField, v3, anything else) ----------------


@contextmanager
def _language_of(instance):
    """Labels in the object's own language (the API is served outside i18n URL prefixes)."""
    with translation.override(instance.locale.language_code):
        yield


def _choice(choices_class, value):
    if not value:
        return None
    return {"code": value, "label": str(choices_class(value).label)}


def serialize_urgency(recommendation, request=None):
    with _language_of(recommendation):
        return _choice(Urgency, recommendation.urgency)


def serialize_government_response(recommendation, request=None):
    with _language_of(recommendation):
        return _choice(GovernmentResponse, recommendation.government_response)


def serialize_current_status(recommendation, request=None):
    """``{code, label, date}`` of the latest progress update ("not-started" without any)."""
    with _language_of(recommendation):
        status_date = recommendation.current_status_date
        return {
            **_choice(ProgressStatus, recommendation.current_status),
            "date": status_date.isoformat() if status_date else None,
        }


def serialize_progress_update(update, request=None):
    with _language_of(update):
        return {
            "id": update.pk,
            "date": update.date.isoformat(),
            "status": _choice(ProgressStatus, update.status),
            "explanation": update.explanation,
            "source": {"title": update.source_title, "url": update.source_url or None}
            if (update.source_title or update.source_url)
            else None,
        }


def serialize_history(recommendation, request=None):
    """The progress updates, oldest first."""
    return [serialize_progress_update(update, request) for update in recommendation.history]


def _terms(recommendation, relation, request):
    lookup = term_lookup(recommendation.locale, request)
    return [
        {**item.term.get_api_representation(), "is_fallback": item.is_fallback}
        for item in lookup.localize_all(getattr(recommendation, relation).all())
    ]


def serialize_themes(recommendation, request=None):
    """Themes as ``{id, code, name, locale, is_fallback}`` in the recommendation's language."""
    return _terms(recommendation, "themes", request)


def serialize_addressees(recommendation, request=None):
    """Addressees (organisations) as objects with codes, in the recommendation's language."""
    return _terms(recommendation, "addressees", request)


def serialize_document_type(report, request=None):
    with _language_of(report):
        return _choice(DocumentType, report.document_type)


def serialize_report_document(report, request=None):
    document = report.document
    if document is None:
        return None
    return {"id": document.pk, "title": document.title, "url": get_full_url(request, document.url)}


def serialize_report_link(recommendation, request=None):
    """The source report: the shared page-link shape plus date, document type and reference."""
    report = recommendation.report
    with _language_of(recommendation):
        return {
            **page_link_representation(report, request),
            "publication_date": report.publication_date.isoformat(),
            "document_type": serialize_document_type(report),
            "reference": report.reference,
        }


def serialize_recommendation_url(recommendation, request=None):
    """Full URL of the recommendation's page under its language's tracker (None without one)."""
    return recommendation_url(recommendation, request, full=True)


def serialize_locale(instance, request=None):
    return instance.locale.language_code


def serialize_recommendation(recommendation, request=None):
    """Everything about a recommendation, its derived status and its history, as one dict."""
    return {
        "id": recommendation.pk,
        "locale": serialize_locale(recommendation),
        "url": serialize_recommendation_url(recommendation, request),
        "code": recommendation.code,
        "title": recommendation.title,
        "text": recommendation.text,
        "report": serialize_report_link(recommendation, request),
        "page_number": recommendation.page_number,
        "themes": serialize_themes(recommendation, request),
        "addressees": serialize_addressees(recommendation, request),
        "urgency": serialize_urgency(recommendation),
        "government_response": serialize_government_response(recommendation),
        "current_status": serialize_current_status(recommendation),
        "history": serialize_history(recommendation),
    }


def serialize_report_recommendations(report, request=None):
    """A report's recommendations, fully serialised (for the report page in the API)."""
    recommendations = public_recommendations(report.locale).filter(report=report)
    return [serialize_recommendation(item, request) for item in recommendations]


__all__ = [
    "CSV_COLUMNS",
    "FILTER_PARAMETERS",
    "RECOMMENDATION_THEME_SEEDS",
    "SEARCH_PARAMETER",
    "BadFilterValue",
    "StatusCount",
    "TermLookup",
    "csv_response",
    "ensure_recommendation_themes",
    "filter_by_locale",
    "filter_recommendations",
    "public_recommendations",
    "recommendation_url",
    "serialize_recommendation",
    "status_chart",
    "status_counts",
    "tracker_context",
    "write_recommendations_csv",
]
