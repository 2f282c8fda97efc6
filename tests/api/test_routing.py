"""Routing by path in every language, and listings by translation_key, on API v2 and v3.

The paths are the demo's own public URLs (``page.get_url()``): Dutch unprefixed, English under
/en/, as a front end that mirrors the site's URLs asks for them. Every read is anonymous.
"""

import uuid

import pytest
from wagtail.models import Locale

from comensha_content.api import v3
from comensha_content.models import LongreadPage

pytestmark = pytest.mark.django_db

needs_v3 = pytest.mark.skipif(not v3.is_available(), reason="API v3 needs Wagtail 8")


def story(language):
    return (
        LongreadPage.objects.live()
        .filter(locale__language_code=language)
        .exclude(alias_of__isnull=False)
        .order_by("pk")
        .first()
    )


def translated_story():
    """A Dutch story whose English translation is live."""
    english_locale = Locale.objects.get(language_code="en")
    for page in LongreadPage.objects.live().filter(locale__language_code="nl").order_by("pk"):
        english = page.get_translation_or_none(english_locale)
        if english is not None and english.live:
            return page, english
    pytest.skip("the demo has no story live in both languages")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_v2_find_by_html_path_resolves_each_language(client, demo, language):
    page = story(language)
    path = page.get_url()
    assert path.startswith("/en/") == (language == "en")

    response = client.get("/api/v2/pages/find/", {"html_path": path})
    assert response.status_code == 302
    detail = client.get(response["Location"])
    assert detail.status_code == 200
    assert detail.json()["id"] == page.pk
    assert detail.json()["meta"]["locale"] == language
    assert detail.json()["meta"]["html_url"].endswith(path)


def test_v2_find_keeps_other_query_parameters_and_404s_unknown_paths(client, demo):
    page = story("en")
    response = client.get("/api/v2/pages/find/", {"html_path": page.get_url(), "fields": "lede"})
    assert response.status_code == 302
    assert "fields=lede" in response["Location"]
    assert "html_path" not in response["Location"]

    missing = client.get("/api/v2/pages/find/", {"html_path": "/en/no-such-page/"})
    assert missing.status_code == 404
    assert client.get("/api/v2/pages/find/", {"html_path": "/de/longread/"}).status_code == 404


def test_v2_find_by_path_does_not_serve_a_draft(client, demo):
    page = story("en")
    path = page.get_url()
    page.unpublish()
    assert client.get("/api/v2/pages/find/", {"html_path": path}).status_code == 404


def test_v2_listing_filters_by_translation_key(client, demo):
    dutch, english = translated_story()
    response = client.get("/api/v2/pages/", {"translation_key": str(dutch.translation_key)})
    assert response.status_code == 200
    items = response.json()["items"]
    assert {(item["id"], item["meta"]["locale"]) for item in items} == {
        (dutch.pk, "nl"),
        (english.pk, "en"),
    }

    one = client.get(
        "/api/v2/pages/", {"translation_key": str(dutch.translation_key), "locale": "en"}
    )
    assert [item["id"] for item in one.json()["items"]] == [english.pk]

    none = client.get("/api/v2/pages/", {"translation_key": str(uuid.uuid4())})
    assert none.status_code == 200 and none.json()["items"] == []


def test_v2_bad_translation_key_is_a_400_with_a_message(client, demo):
    response = client.get("/api/v2/pages/", {"translation_key": "veel"})
    assert response.status_code == 400
    assert "translation_key" in response.json()["message"]


@needs_v3
@pytest.mark.parametrize("language", ["nl", "en"])
def test_v3_find_by_html_path_resolves_each_language(client, demo, language):
    page = story(language)
    response = client.get("/api/v3/pages/find/", {"html_path": page.get_url()})
    assert response.status_code == 302
    detail = client.get(response["Location"])
    assert detail.status_code == 200
    assert detail.json()["id"] == page.pk
    assert detail.json()["meta"]["locale"] == language


@needs_v3
def test_v3_find_unknown_or_draft_path_is_a_404(client, demo):
    assert client.get("/api/v3/pages/find/", {"html_path": "/en/no-such/"}).status_code == 404
    page = story("en")
    path = page.get_url()
    page.unpublish()
    assert client.get("/api/v3/pages/find/", {"html_path": path}).status_code == 404


@needs_v3
def test_v3_listing_filters_by_translation_key(client, demo):
    dutch, english = translated_story()
    key = str(dutch.translation_key)
    response = client.get("/api/v3/pages/", {"translation_key": key})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert {item["id"] for item in data["items"]} == {dutch.pk, english.pk}

    one = client.get("/api/v3/pages/", {"translation_key": key, "locale": "en"}).json()
    assert [item["id"] for item in one["items"]] == [english.pk]
    assert one["count"] == 1

    paged = client.get("/api/v3/pages/", {"translation_key": key, "limit": 1, "offset": 1}).json()
    assert paged["count"] == 2 and len(paged["items"]) == 1

    typed = client.get(
        "/api/v3/pages/",
        {"translation_key": key, "type": "comensha_content.KompasPage"},
    ).json()
    assert typed["count"] == 0 and typed["items"] == []


@needs_v3
def test_v3_bad_translation_key_is_a_422_with_the_parameter(client, demo):
    response = client.get("/api/v3/pages/", {"translation_key": "veel"})
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["loc"] == ["query", "translation_key"]
