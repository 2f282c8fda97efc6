"""Recommendations: derived status, the tracker's filters, counts, chart, detail pages and CSV."""

import csv
import datetime
import html as html_lib
import io
import re

import pytest

from comensha_content.recommendations.filters import public_recommendations
from comensha_content.recommendations.models import (
    PolicyReportPage,
    ProgressStatus,
    ProgressUpdate,
    Recommendation,
)
from comensha_content.recommendations.tracker import StatusCount, status_chart, status_counts
from tests.recommendations.recommendation_helpers import (
    DEMO,
    chart_numbers,
    expected_codes,
    listed_codes,
    listed_titles,
    report_param,
    table_numbers,
)

pytestmark = pytest.mark.django_db

TRACKER_URL = "/aanbevelingen/"

FILTER_CASES = [
    {},
    {"report": "second-class"},
    {"report": "rest-policy-paper"},
    {"theme": "housing"},
    {"theme": "housing,identification"},
    {"addressee": "gemeenten"},
    {"addressee": "ministerie-szw"},
    {"status": "exploring"},
    {"status": "not-started"},
    {"status": "adopted,in-force"},
    {"response": "accepted"},
    {"response": "none-yet"},
    {"theme": "housing", "response": "accepted"},
    {"theme": "housing", "response": "accepted", "status": "implemented"},
    {"report": "second-class", "addressee": "ministerie-szw", "status": "exploring"},
    {"addressee": "staten", "theme": "residence-permit"},
    {"report": "first-advice", "status": "adopted"},
]


def get_tracker(client, params=None):
    response = client.get(TRACKER_URL, params or {})
    assert response.status_code == 200
    return response.content.decode()


# --- History and derived status ------------------------------------------------------------------


def test_history_is_ordered_by_date_and_status_is_the_latest_update(tracker_nl):
    report = PolicyReportPage.objects.get(slug="geen-tweederangsburgers")
    recommendation = Recommendation(
        locale=report.locale,
        report=report,
        code="9.9.Z",
        title="Testaanbeveling",
        text="Tekst",
        progress_updates=[
            ProgressUpdate(date=datetime.date(2024, 5, 1), status="submitted", sort_order=0),
            ProgressUpdate(date=datetime.date(2021, 1, 1), status="exploring", sort_order=1),
            ProgressUpdate(date=datetime.date(2024, 5, 1), status="adopted", sort_order=2),
        ],
    )
    recommendation.save()
    recommendation = Recommendation.objects.get(pk=recommendation.pk)
    assert [(u.date.isoformat(), u.status) for u in recommendation.history] == [
        ("2021-01-01", "exploring"),
        ("2024-05-01", "submitted"),
        ("2024-05-01", "adopted"),  # same day: the editor's order decides
    ]
    assert recommendation.current_status == "adopted"
    assert recommendation.current_status_date == datetime.date(2024, 5, 1)
    annotated = Recommendation.objects.with_current_status().get(pk=recommendation.pk)
    assert (annotated.latest_status, annotated.latest_status_date) == (
        "adopted",
        datetime.date(2024, 5, 1),
    )
    assert annotated.get_current_status_display() == "Aangenomen"  # the Dutch catalog


def test_without_updates_a_recommendation_is_not_started_without_date(tracker_nl):
    recommendation = Recommendation.objects.get(code="REST-2", locale__language_code="nl")
    assert recommendation.history == []
    assert recommendation.current_status == ProgressStatus.NOT_STARTED
    assert recommendation.current_status_date is None
    annotated = Recommendation.objects.with_current_status().get(pk=recommendation.pk)
    assert annotated.latest_status == "not-started" and annotated.latest_status_date is None


def test_annotation_and_property_agree_for_every_demo_recommendation(tracker_nl):
    annotated = {r.code: (r.latest_status, r.latest_status_date) for r in public_recommendations()}
    for recommendation in Recommendation.objects.all():
        fresh = Recommendation.objects.get(pk=recommendation.pk)  # no annotation: from history
        assert annotated[fresh.code] == (fresh.current_status, fresh.current_status_date)
        assert fresh.current_status == DEMO[fresh.code][4]


def test_wtta_history_is_real(tracker_nl):
    recommendation = Recommendation.objects.get(code="4.1.A")
    history = recommendation.history
    assert [u.status for u in history] == ["exploring", "bill-in-preparation", "adopted"]
    assert history[-1].date == datetime.date(2025, 11, 11)
    assert "1 januari 2027" in history[-1].explanation
    assert "Voorbeeldtekst" in history[1].explanation  # invented step says so
    assert "Voorbeeldtekst" in recommendation.text  # invented code says so


# --- Tracker filters -----------------------------------------------------------------------------


def test_tracker_filters(client, tracker_nl, site_context):
    for params in FILTER_CASES:  # one database for all cases: the fixture is slow
        html = get_tracker(client, report_param(params, site_context.reports))
        expected = expected_codes(**params)
        assert sorted(listed_codes(html)) == sorted(expected), params
        assert "cc-notice" not in html, params
        count = len(expected)
        assert re.search(
            rf"<h2 id=\"cc-results-heading\">{count} (aanbeveling|recommendation)", html
        )


def test_report_filter_lists_newest_report_first(client, tracker_nl):
    codes = listed_codes(get_tracker(client))
    assert codes[:3] == ["REST-1", "REST-2", "REST-3"]  # 25 January 2021
    assert codes[-1] == "1"  # first advice, 11 June 2020


def test_text_search_through_the_search_backend(client, tracker_nl):
    assert listed_codes(get_tracker(client, {"q": "huurcontract"})) == ["4.4.B"]
    assert sorted(listed_codes(get_tracker(client, {"q": "verblijfsvergunning"}))) == ["REST-2"]
    assert listed_codes(get_tracker(client, {"q": "woning", "theme": "identification"})) == []
    assert listed_codes(get_tracker(client, {"q": "xyzzy-onbekend"})) == []


def test_odd_search_text_never_fails(client, tracker_nl):
    for text in [
        '"',
        "*",
        "AND OR NOT",
        "(huur",
        "huur\x00contract",
        "NEAR(",
        "'; --",
        "x" * 5000,
        "ë",
    ]:
        html = get_tracker(client, {"q": text})  # asserts 200
        assert "<h1>" in html, text


def test_search_and_filters_combine(client, tracker_nl):
    html = get_tracker(client, {"q": "arbeidsmigranten", "theme": "housing"})
    assert sorted(listed_codes(html)) == ["1", "4.6.A"]


BAD_FILTER_CASES = [
    ({"status": "abolished"}, "abolished"),
    ({"theme": "no-such-theme"}, "no-such-theme"),
    ({"addressee": "nobody"}, "nobody"),
    ({"response": "maybe"}, "maybe"),
    ({"report": "abc"}, "abc"),
    ({"report": "999999"}, "999999"),
    ({"report": "1;DROP TABLE"}, "1;DROP TABLE"),
    ({"theme": "housing", "status": "nope"}, "nope"),
    ({"theme": "housing,nope"}, "nope"),
]


def test_bad_filter_values_show_notice_and_unfiltered_list(client, tracker_nl):
    for params, bad_value in BAD_FILTER_CASES:
        html = get_tracker(client, params)  # asserts 200: never a server error
        notice = re.search(r'<div class="cc-notice[^"]*" role="status">(.*?)</div>', html, re.S)
        assert notice and bad_value in html_lib.unescape(notice.group(1)), params
        assert sorted(listed_codes(html)) == sorted(DEMO), params
        assert "selected>" not in html.split("cc-filters")[1].split("</form>")[0], params


def test_filter_form_is_labelled_and_keeps_selection(client, tracker_nl):
    html = get_tracker(client, {"theme": "housing", "status": "exploring"})
    for name in ("q", "report", "theme", "addressee", "status", "response"):
        assert f'<label for="cc-filter-{name}">' in html
        assert f'id="cc-filter-{name}"' in html
    assert '<option value="housing" selected>Huisvesting</option>' in html or (
        '<option value="housing" selected>' in html
    )
    assert '<option value="exploring" selected>' in html
    assert "Clear all filters" in html or "Alle filters wissen" in html


# --- Counts, chart and table ----------------------------------------------------------------------


def test_counts_per_status_unfiltered(tracker_nl):
    counts = {item.code: item.count for item in status_counts(public_recommendations())}
    assert counts == {
        "not-started": 3,
        "exploring": 2,
        "bill-in-preparation": 1,
        "submitted": 0,
        "adopted": 1,
        "in-force": 1,
        "implemented": 1,
        "not-adopted": 1,
    }


def test_chart_numbers_equal_table_numbers_and_the_list(client, tracker_nl, site_context):
    for params in FILTER_CASES:
        html = get_tracker(client, report_param(params, site_context.reports))
        chart = chart_numbers(html)
        table = table_numbers(html)
        assert chart == table, params
        assert [label for label, _count in table] == [
            str(label) for _code, label in ProgressStatus.choices
        ]
        by_status = {status: 0 for status in ProgressStatus.values}
        for code in expected_codes(**params):
            by_status[DEMO[code][4]] += 1
        assert [count for _label, count in table] == list(by_status.values()), params
        assert sum(count for _label, count in table) == len(listed_codes(html)), params


def test_chart_is_an_accessible_image_with_a_description(client, tracker_nl):
    html = get_tracker(client)
    svg = re.search(r"<svg class=\"cc-status-chart__svg\"[^>]*>", html).group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="cc-status-chart-title cc-status-chart-desc"' in svg
    assert '<title id="cc-status-chart-title">' in html
    desc = re.search(r'<desc id="cc-status-chart-desc">([^<]*)</desc>', html).group(1)
    assert desc.count(":") == len(ProgressStatus.values)
    assert "<caption>" in html and '<th scope="col">' in html


def test_chart_geometry_scales_to_the_largest_count():
    chart = status_chart(
        [StatusCount("a", "A", 4), StatusCount("b", "B", 2), StatusCount("c", "C", 0)]
    )
    widths = [bar.width for bar in chart["bars"]]
    assert widths[0] == 2 * widths[1] and widths[2] == 0
    assert chart["total"] == 6


def test_chart_coordinates_are_not_localised(client, tracker_nl, settings):
    html = get_tracker(client, {"theme": "housing"})  # widths like 120.0 must not become 120,0
    svg = re.search(r"<svg class=\"cc-status-chart__svg\".*?</svg>", html, re.S).group(0)
    assert not re.search(r'(?:x|y|width)="\d+,\d+"', svg)


def test_pagination_keeps_the_filters(client, tracker_nl, settings):
    settings.COMENSHA_CONTENT_PAGINATE_BY = 2
    html = get_tracker(client, {"theme": "housing"})
    assert len(listed_codes(html)) == 2
    assert 'href="?theme=housing&amp;page=2"' in html
    second = get_tracker(client, {"theme": "housing", "page": "2"})
    assert len(listed_codes(second)) == 1
    assert "3 aanbevelingen" in second or "3 recommendations" in second
    assert listed_codes(get_tracker(client, {"page": "not-a-number"}))  # first page, no error


# --- Recommendation pages ------------------------------------------------------------------------


def test_recommendation_has_its_own_page_with_a_timeline(client, tracker_nl):
    recommendation = Recommendation.objects.get(code="4.1.A")
    html = get_tracker(client)
    url = f"{TRACKER_URL}r/{recommendation.pk}/"
    assert f'href="{url}"' in html
    response = client.get(url)
    assert response.status_code == 200
    detail = response.content.decode()
    assert "<h1>Verplichte certificering van uitzendbureaus</h1>" in detail
    timeline = re.search(r'<ol class="cc-timeline">(.*?)</ol>', detail, re.S).group(1)
    dates = re.findall(r'<time datetime="([\d-]+)">', timeline)
    assert dates == ["2020-12-14", "2021-12-17", "2025-11-11"]
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-29861-55.html"' in timeline
    assert "cc-status--adopted" in detail
    assert "Geen tweederangsburgers" in detail


def test_recommendation_without_history_says_so(client, tracker_nl):
    recommendation = Recommendation.objects.get(code="REST-3")
    detail = client.get(f"{TRACKER_URL}r/{recommendation.pk}/").content.decode()
    assert 'class="cc-timeline__empty"' in detail
    assert '<ol class="cc-timeline">' not in detail


def test_unknown_recommendation_is_404(client, tracker_nl):
    assert client.get(f"{TRACKER_URL}r/999999/").status_code == 404


def test_recommendation_of_a_draft_report_is_not_shown(client, tracker_nl):
    report = PolicyReportPage.objects.get(slug="rest-policy-paper")
    report.unpublish()
    html = get_tracker(client)
    assert not {"REST-1", "REST-2", "REST-3"} & set(listed_codes(html))
    hidden = Recommendation.objects.get(code="REST-1")
    assert client.get(f"{TRACKER_URL}r/{hidden.pk}/").status_code == 404


def test_report_page_shows_quotes_and_its_recommendations(client, tracker_nl):
    response = client.get(f"{TRACKER_URL}geen-tweederangsburgers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Emile Roemer" in html and "Ina H.R. Hut" in html
    assert "Van die succesverhalen moeten we leren." in html
    assert sorted(listed_codes(html)) == sorted(
        c for c, d in DEMO.items() if d[0] == "second-class"
    )


def test_kamerstuk_reference_and_link_on_response_page(client, tracker_nl):
    html = client.get(f"{TRACKER_URL}kabinetsreactie-geen-tweederangsburgers/").content.decode()
    assert "Kamerstuk 29861 nr. 55" in html
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-29861-55.html"' in html
    assert '<time datetime="2020-12-14">' in html


# --- CSV -----------------------------------------------------------------------------------------


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())  # BOM: spreadsheets read UTF-8
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_has_the_same_rows_as_the_filtered_list(client, tracker_nl, site_context):
    for params in [*FILTER_CASES, {"q": "coördinatie"}, {"q": "huurcontract", "theme": "housing"}]:
        params = report_param(params, site_context.reports)
        html = get_tracker(client, params)
        rows = read_csv(client.get(f"{TRACKER_URL}export-csv/", params))
        header, body = rows[0], rows[1:]
        assert len(header) == 9
        assert [row[0] for row in body] == listed_codes(html), params
        assert [row[1] for row in body] == listed_titles(html), params
    assert [row[0] for row in body] == ["4.4.B"]  # the last case found something


def test_csv_columns_and_dutch_characters(client, tracker_nl):
    rows = read_csv(client.get(f"{TRACKER_URL}export-csv/"))
    header = rows[0]
    by_code = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    row = list(by_code["4.7.A"].values())
    assert (
        row[1] == "Beleg de coördinatie van het beleid voor arbeidsmigranten bij één bewindspersoon"
    )
    assert row[2] == "Geen tweederangsburgers"
    wtta = list(by_code["4.1.A"].values())
    assert wtta[6] in ("Adopted", "Aangenomen") and wtta[7] == "2025-11-11"
    pk = Recommendation.objects.get(code="4.1.A").pk
    assert re.fullmatch(rf"https?://[^/]+/aanbevelingen/r/{pk}/", wtta[8])
    rest = list(by_code["REST-2"].values())
    assert rest[7] == ""  # no update: no status date
    assert "; " in rest[4]  # two addressees


def test_csv_download_link_carries_the_filters(client, tracker_nl):
    html = get_tracker(client, {"theme": "housing"})
    assert 'href="/aanbevelingen/export-csv/?theme=housing" download' in html


def test_csv_with_bad_filter_value_is_400(client, tracker_nl):
    response = client.get(f"{TRACKER_URL}export-csv/", {"status": "abolished"})
    assert response.status_code == 400
    assert "abolished" in response.content.decode()


def test_csv_neutralises_spreadsheet_formulas(client, tracker_nl):
    recommendation = Recommendation.objects.get(code="REST-1")
    recommendation.title = '=HYPERLINK("http://evil.example")'
    recommendation.save()
    rows = read_csv(client.get(f"{TRACKER_URL}export-csv/"))
    titles = {row[0]: row[1] for row in rows[1:]}
    assert titles["REST-1"].startswith("'=")
