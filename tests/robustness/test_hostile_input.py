"""The three inputs of issue #20 and their neighbours, on the demo: what a reader or client sees.

- The Kompas finder with ``?q='"<`` (a double quote broke SQLite's full-text syntax: a 500).
- The tracker with ``?report=999999999999999999999`` (an int SQLite cannot hold: a 500).
- An 800-word search (RecursionError in the search backend: a 500) on API v2, API v3 and the
  HTML search forms: a 400 with the limits in its message, or a notice over the unfiltered list.
"""

import html
import re

import pytest
from django.utils import translation

from comensha_content.models import (
    InstrumentPage,
    KompasPage,
    Recommendation,
    RecommendationIndexPage,
)
from tests.recommendations.recommendation_helpers import listed_codes

pytestmark = pytest.mark.django_db

EIGHT_HUNDRED_WORDS = " ".join(f"woord{number}" for number in range(800))
TOO_LONG_MESSAGE = (
    "The search text is too long. Use at most %(max_length)s characters and %(max_words)s words."
)


def too_long(language, max_length=200, max_words=20):
    """The too-long notice as a page in ``language`` shows it (the catalog's, where compiled)."""
    return ui(TOO_LONG_MESSAGE, language) % {"max_length": max_length, "max_words": max_words}


def ui(text, language):
    with translation.override(language):
        return translation.gettext(text)


def page_in(model, language):
    return model.objects.live().get(locale__language_code=language)


def finder_titles(response):
    assert response.status_code == 200
    section = response.content.decode().split('id="finder"', 1)[1]
    return sorted(
        html.unescape(title)
        for title in re.findall(r"<h4><a href=\"[^\"]+\">([^<]+)</a></h4>", section)
    )


def status_notice(response):
    """The text of the page's role=status notice (the finder's or the tracker's), or None."""
    match = re.search(
        r'<div class="cc-[a-z-]*notice[^"]*" role="status">(.*?)</div>',
        response.content.decode(),
        re.S,
    )
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else None


def bibob(language):
    return InstrumentPage.objects.get(slug__startswith="bibob", locale__language_code=language)


def all_instruments(kompas):
    return sorted(
        InstrumentPage.objects.live().descendant_of(kompas).values_list("title", flat=True)
    )


# --- Kompas finder: ?q='"< -------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_kompas_finder_searches_text_with_quotes_and_brackets(client, demo, language):
    kompas = page_in(KompasPage, language)
    response = client.get(kompas.url, {"q": "'\"<"})
    assert response.status_code == 200
    assert finder_titles(response) == []  # searched, nothing matches
    assert status_notice(response) is None
    assert ui("No instrument matches. Remove a filter or change the search text.", language) in (
        html.unescape(response.content.decode())
    )


def test_kompas_finder_finds_a_word_typed_with_quotes(client, demo):
    kompas = page_in(KompasPage, "nl")
    assert finder_titles(client.get(kompas.url, {"q": '"Bibob'})) == [bibob("nl").title]
    hidden = "\u202eBibob\x00\u200b"  # a bidi override, a NUL, a zero-width space
    assert finder_titles(client.get(kompas.url, {"q": hidden})) == [bibob("nl").title]
    operators = client.get(kompas.url, {"q": '"Bibob" OR NEAR( * ^ : -'})  # words, no syntax
    assert set(finder_titles(operators)) <= set(all_instruments(kompas))
    assert status_notice(operators) is None


@pytest.mark.parametrize("language", ["nl", "en"])
def test_kompas_finder_800_words_notice_and_every_instrument(client, demo, language):
    kompas = page_in(KompasPage, language)
    response = client.get(kompas.url, {"q": EIGHT_HUNDRED_WORDS})
    assert finder_titles(response) == all_instruments(kompas)[: len(finder_titles(response))]
    assert len(finder_titles(response)) == min(len(all_instruments(kompas)), 12)
    notice = status_notice(response)
    assert notice.startswith(ui("Your filters could not be applied.", language))
    assert too_long(language) in notice
    content = response.content.decode()
    assert 'maxlength="200"' in content and "woord799" not in content  # the text is not echoed


def test_search_limits_are_settings(client, demo, settings):
    settings.COMENSHA_CONTENT_SEARCH_MAX_WORDS = 2
    kompas = page_in(KompasPage, "nl")
    assert status_notice(client.get(kompas.url, {"q": "Bibob toets"})) is None
    notice = status_notice(client.get(kompas.url, {"q": "Bibob toets gemeente"}))
    assert too_long("nl", max_words=2) in notice


# --- Tracker: ?report=999999999999999999999 ---------------------------------------------------


@pytest.mark.parametrize("value", ["999999999999999999999", "²", "-1", "9" * 5000])
def test_tracker_bounds_report_ids(client, demo, value):
    tracker = page_in(RecommendationIndexPage, "nl")
    unfiltered = listed_codes(client.get(tracker.url).content.decode())
    response = client.get(tracker.url, {"report": value})
    assert response.status_code == 200
    notice = status_notice(response)
    assert notice.startswith(ui("This filter could not be applied.", "nl"))
    unknown = ui("Unknown value %(value)r for filter %(parameter)r.", "nl")
    assert unknown % {"value": value, "parameter": "report"} in notice
    assert listed_codes(response.content.decode()) == unfiltered


def test_tracker_csv_export_refuses_a_huge_report_id(client, demo):
    tracker = page_in(RecommendationIndexPage, "nl")
    response = client.get(tracker.url + "export-csv/", {"report": "999999999999999999999"})
    assert response.status_code == 400
    assert "999999999999999999999" in response.content.decode()


def test_tracker_800_words_notice_and_unfiltered_list(client, demo):
    tracker = page_in(RecommendationIndexPage, "nl")
    unfiltered = listed_codes(client.get(tracker.url).content.decode())
    response = client.get(tracker.url, {"q": EIGHT_HUNDRED_WORDS})
    assert response.status_code == 200
    assert too_long("nl") in status_notice(response)
    assert listed_codes(response.content.decode()) == unfiltered
    export = client.get(tracker.url + "export-csv/", {"q": EIGHT_HUNDRED_WORDS})
    assert export.status_code == 400 and too_long("nl") in export.content.decode()


def test_recommendation_detail_with_a_huge_id_is_not_found(client, demo):
    tracker = page_in(RecommendationIndexPage, "nl")
    assert client.get(tracker.url + "r/999999999999999999999/").status_code == 404


# --- API v2 and v3: an 800-word search ---------------------------------------------------------

V2_SEARCHABLE = [
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/recommendations/",
]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("url", V2_SEARCHABLE)
def test_api_v2_800_word_search_is_a_400_with_the_limits(client, demo, url, language):
    response = client.get(
        url, {"search": EIGHT_HUNDRED_WORDS}, HTTP_ACCEPT_LANGUAGE=language
    )  # the message in the request's language
    assert response.status_code == 400
    assert response.json() == {"message": too_long(language)}


def test_api_v2_search_up_to_the_limits_and_with_quotes_works(client, demo):
    instruments = {"type": "comensha_content.InstrumentPage", "locale": "nl"}
    twenty = " ".join(["Bibob"] * 20)
    response = client.get("/api/v2/pages/", {"search": twenty, **instruments})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == [bibob("nl").title]
    assert client.get("/api/v2/pages/", {"search": twenty + " x"}).status_code == 400
    quoted = client.get("/api/v2/pages/", {"search": "'\"<"})
    assert quoted.status_code == 200 and quoted.json()["items"] == []
    found = client.get("/api/v2/pages/", {"search": '"Bibob', **instruments})
    assert [item["title"] for item in found.json()["items"]] == [bibob("nl").title]


@pytest.fixture
def api_v3(settings):
    if not settings.WAGTAIL_8:
        pytest.skip("API v3 exists from Wagtail 8.0 on")


@pytest.mark.parametrize("url", ["/api/v3/pages/", "/api/v3/images/", "/api/v3/documents/"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_api_v3_800_word_search_is_a_400_with_the_limits(
    client, demo, api_v3, settings, url, language
):
    settings.COMENSHA_CONTENT_PUBLIC_MEDIA_API = True  # else the media listings need a token
    response = client.get(url, {"search": EIGHT_HUNDRED_WORDS}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] == "Bad Request"
    assert problem["detail"] == too_long(language)
    assert problem["errors"][0]["loc"] == ["query", "search"]


def test_api_v3_search_with_quotes_works(client, demo, api_v3):
    found = client.get(
        "/api/v3/pages/",
        {"search": '"Bibob', "type": "comensha_content.InstrumentPage", "locale": "nl"},
    )
    assert found.status_code == 200
    assert [item["title"] for item in found.json()["items"]] == [bibob("nl").title]
    assert client.get("/api/v3/pages/", {"search": "'\"<"}).json()["items"] == []
    assert client.get("/api/v3/pages/999999999999999999999/").status_code == 404


def test_recommendation_count_is_unchanged_by_a_rejected_search(client, demo):
    total = client.get("/api/v2/recommendations/", {"limit": 1}).json()["meta"]["total_count"]
    assert total == Recommendation.objects.public().count()


# --- API v2 and v3: an offset no database holds ------------------------------------------------


def test_api_v2_offset_is_bounded(client, demo):
    response = client.get("/api/v2/pages/", {"offset": "999999999999999999999"})
    assert response.status_code == 400
    assert response.json() == {"message": "offset must be at most 2147483647"}
    assert client.get("/api/v2/pages/", {"offset": "2147483647"}).json()["items"] == []


def test_api_v3_offset_is_bounded(client, demo, api_v3):
    response = client.get("/api/v3/pages/", {"offset": "999999999999999999999"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["loc"] == ["query", "offset"]
    assert client.get("/api/v3/pages/", {"offset": "2147483647"}).json()["items"] == []


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/", "/api/v2/pages/find/", "/api/v2/images/", "/api/v2/reader-safety/"]
)
def test_api_v2_nul_in_a_parameter_is_a_400(client, demo, url):
    name = "locale" if "reader-safety" in url else "site"
    response = client.get(url, {name: "a\x00b"})
    assert response.status_code == 400
    assert "message" in response.json()


def test_api_v2_nul_in_a_detail_parameter_is_a_400(client, demo):
    story = client.get("/api/v2/pages/", {"type": "comensha_content.LongreadPage"}).json()
    url = f"/api/v2/pages/{story['items'][0]['id']}/"
    response = client.get(url, {"site": "a\x00b"})
    assert response.status_code == 400
    assert response.json() == {"message": "query parameter 'site' contains a NUL character"}


def test_api_v3_nul_in_a_parameter_is_a_400(client, demo, api_v3):
    response = client.get("/api/v3/pages/find/", {"html_path": "/a\x00b/"})
    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "type": "nul_character",
        "loc": ["query", "html_path"],
        "msg": "query parameter 'html_path' contains a NUL character",
    }
