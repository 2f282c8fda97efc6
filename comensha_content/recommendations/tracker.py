"""The tracker's views: counts, chart, listing items, contexts and the CSV export.

One django-filter FilterSet (``RecommendationFilterSet`` in ``filters.py``) serves the HTML
tracker, its CSV export and the API; it raises ``BadFilterValue`` for an unknown or malformed
value, which the tracker shows as a notice over the unfiltered list and the API answers with 400. The serialisers return plain
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
from collections import Counter
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _

from comensha_content.core.conf import get_setting
from comensha_content.core.listing import BadFilterValue
from comensha_content.core.search_text import search_limits
from comensha_content.recommendations.choices import (
    GovernmentResponse,
    ProgressStatus,
)
from comensha_content.recommendations.filters import (
    RecommendationFilterSet,
    filter_querystring,
    public_recommendations,
    selected_filters,
)
from comensha_content.recommendations.lookups import (
    lazy_model,
    term_lookup,
    tracker_for_locale,
)
from comensha_content.taxonomy.models import Organisation

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
            lazy_model("RecommendationTheme").objects.get_or_create(
                locale=locale, code=code, defaults={"name": str(label), "sort_order": order}
            )
    return lazy_model("RecommendationTheme").objects.filter(locale=locale)


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
    label_y: float
    text_y: float
    width: float
    value_x: float


def status_chart(counts, *, width=300, bar_height=16, label_height=20, gap=12):
    """Geometry of a horizontal bar chart of ``counts`` for an inline SVG (no scripts).

    Each label sits above its bar, so the chart is narrow (300 units) and its text stays near
    its CSS size on a 320 px phone instead of shrinking with a wide label column.
    """
    largest = max((item.count for item in counts), default=0) or 1
    bar_space = width - 40
    row = label_height + bar_height + gap
    bars = []
    for index, item in enumerate(counts):
        y = index * row + label_height
        bar_width = round(bar_space * item.count / largest, 1)
        bars.append(
            ChartBar(
                code=item.code,
                label=item.label,
                count=item.count,
                y=y,
                label_y=y - 6,
                text_y=y + bar_height * 0.8,
                width=bar_width,
                value_x=bar_width + 6,
            )
        )
    return {
        "width": width,
        "height": len(counts) * row,
        "label_width": 0,
        "bar_height": bar_height,
        "bars": bars,
        "total": sum(item.count for item in counts),
    }


# --- Listing items for templates and CSV -----------------------------------------------------------


@dataclass
class RecommendationItem:
    """A recommendation with what a listing shows: its URL and terms in the served language."""

    recommendation: object  # a Recommendation
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
    recommendations = lazy_model("Recommendation").objects.public().filter(locale=locale)
    lookup = term_lookup(locale, request)
    return {
        "reports": lazy_model("PolicyReportPage")
        .objects.filter(pk__in=recommendations.values("report_id"))
        .order_by("-publication_date", "title"),
        "themes": _used_terms(
            lazy_model("RecommendationTheme"), "recommendations", recommendations, lookup
        ),
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
        filtered = RecommendationFilterSet(params, base).filtered()
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
        "search_max_length": search_limits()[0],
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
        filtered = RecommendationFilterSet(
            request.GET, public_recommendations(tracker.locale)
        ).filtered()
    except BadFilterValue as error:
        return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{tracker.slug}.csv"
    )
    items = recommendation_items(filtered, tracker.locale, request, tracker=tracker, full_urls=True)
    write_recommendations_csv(response, items)
    return response
