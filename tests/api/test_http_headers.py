"""HTTP headers of API answers: Cache-Control, Content-Language, Vary, HEAD and error language.

The reads are what a CDN in front of the API sees: anonymous ones it may keep, a token's, a
signed-in editor's and a preview's never (comensha_content.api.http_headers).
"""

import pytest
from django.utils import translation

from comensha_content.api import v3
from comensha_content.api.preview import make_preview_token
from comensha_content.models import LongreadPage

pytestmark = pytest.mark.django_db

needs_v3 = pytest.mark.skipif(not v3.is_available(), reason="API v3 needs Wagtail 8")

PUBLIC = "public, max-age=60, s-maxage=300"
PRIVATE = "private, no-store"


def story(language):
    return LongreadPage.objects.live().filter(locale__language_code=language).order_by("pk")[0]


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value}


def bearer(django_user_model):
    from wagtail.models import APIToken

    user = django_user_model.objects.create_superuser("token-reader", "t@example.com", "x")
    _token, plaintext = APIToken.create_token(user=user, name="front end build")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_v2_detail_is_public_in_the_pages_language_and_does_not_vary_on_accept_language(
    client, demo, language
):
    page = story(language)
    answers = {
        accept: client.get(f"/api/v2/pages/{page.pk}/", HTTP_ACCEPT_LANGUAGE=accept)
        for accept in ("nl", "en")
    }
    for response in answers.values():
        assert response.status_code == 200
        assert response["Cache-Control"] == PUBLIC
        assert response["Content-Language"] == language
        assert "accept-language" not in vary(response)
    assert answers["nl"].content == answers["en"].content  # so no Vary is needed


def test_max_age_and_s_maxage_are_settings(client, demo, settings):
    settings.COMENSHA_CONTENT_API_MAX_AGE = 5
    settings.COMENSHA_CONTENT_API_SHARED_MAX_AGE = 3600
    response = client.get(f"/api/v2/pages/{story('en').pk}/")
    assert response["Cache-Control"] == "public, max-age=5, s-maxage=3600"


def test_v2_listing_says_its_language_only_when_it_has_one(client, demo):
    english = client.get(
        "/api/v2/pages/", {"locale": "en", "type": "comensha_content.LongreadPage"}
    )
    assert english["Content-Language"] == "en"
    assert english["Cache-Control"] == PUBLIC
    lisa = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
    mixed = client.get("/api/v2/pages/", {"translation_key": str(lisa.translation_key)})
    assert {item["meta"]["locale"] for item in mixed.json()["items"]} == {"nl", "en"}
    assert "Content-Language" not in mixed
    assert "accept-language" not in vary(mixed)
    recommendations = client.get("/api/v2/recommendations/", {"locale": "en"})
    assert recommendations.status_code == 200 and recommendations.json()["items"]
    assert recommendations["Content-Language"] == "en"


def test_a_304_keeps_the_public_cache_control(client, demo):
    url = f"/api/v2/pages/{story('en').pk}/"
    etag = client.get(url)["ETag"]
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified["Cache-Control"] == PUBLIC


@pytest.mark.parametrize("language", ["nl", "en"])
def test_v2_errors_are_in_the_requests_language_and_vary_on_it(client, demo, language):
    response = client.get(
        "/api/v2/pages/",
        {"type": "comensha_content.LongreadPage", "narrator_kind": "veel"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 400
    with translation.override(language):
        expected = translation.gettext("Unknown value %(value)r for filter %(parameter)r.") % {
            "value": "veel",
            "parameter": "narrator_kind",
        }
    assert response.json() == {"message": expected}
    assert response["Content-Language"] == language
    assert "accept-language" in vary(response)
    if language == "nl":
        assert expected.startswith("Onbekende waarde")


def test_a_signed_in_read_is_private(client, demo, superuser):
    client.force_login(superuser)
    response = client.get(f"/api/v2/pages/{story('en').pk}/")
    assert response["Cache-Control"] == PRIVATE


def test_a_read_with_a_session_is_private_even_when_not_signed_in(client, demo, settings):
    """A session may have passed a page's password: API v2 then lists that page for it."""
    client.cookies[settings.SESSION_COOKIE_NAME] = "anonymous-session"
    response = client.get(f"/api/v2/pages/{story('en').pk}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_a_preview_read_is_private(client, demo, superuser, settings):
    settings.COMENSHA_CONTENT_HEADLESS_PREVIEW_URL = "https://front.example.org/preview?id={id}"
    page = story("en")
    page.save_revision()
    token = make_preview_token(page, superuser)
    response = client.get(
        f"/api/v2/preview/{page.pk}/", headers={"Authorization": f"Preview {token}"}
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_other_paths_are_left_alone(client, demo):
    response = client.get(story("en").url)
    assert response.status_code == 200
    assert response.get("Cache-Control", "") != PUBLIC


@needs_v3
@pytest.mark.parametrize("language", ["nl", "en"])
def test_v3_detail_headers(client, demo, language):
    page = story(language)
    response = client.get(f"/api/v3/pages/{page.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert response["Content-Language"] == language
    assert "accept-language" not in vary(response)


@needs_v3
def test_v3_token_reads_are_private(client, demo, django_user_model):
    headers = bearer(django_user_model)
    page = story("en")
    for url in (f"/api/v3/pages/{page.pk}/", "/api/v3/pages/", f"/api/v3/pages/{page.pk}/"):
        response = client.get(url, **headers)
        assert response.status_code == 200
        assert response["Cache-Control"] == PRIVATE
    draft = client.get(f"/api/v3/pages/{page.pk}/", {"version": "draft"}, **headers)
    assert draft.status_code == 200 and draft["Cache-Control"] == PRIVATE


@needs_v3
def test_v3_head_answers_like_get_without_a_body(client, demo):
    page = story("en")
    url = f"/api/v3/pages/{page.pk}/"
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Length"] == str(len(get.content))
    for header in ("ETag", "Content-Type", "Cache-Control", "Content-Language"):
        assert head[header] == get[header], header
    assert client.head(url, HTTP_IF_NONE_MATCH=get["ETag"]).status_code == 304
    assert client.head("/api/v3/pages/").status_code == 200
    assert client.head("/api/v3/pages/999999/").status_code == 404
    assert client.head("/api/v3/openapi.json").status_code == 200


def test_a_system_check_warns_when_the_middleware_is_below_locale_middleware(settings):
    from comensha_content.core.checks import (
        API_HEADERS_MIDDLEWARE,
        LOCALE_MIDDLEWARE,
        check_api_headers_middleware,
    )

    assert check_api_headers_middleware(None) == []  # the example's order
    settings.MIDDLEWARE = [LOCALE_MIDDLEWARE, API_HEADERS_MIDDLEWARE]
    assert [problem.id for problem in check_api_headers_middleware(None)] == [
        "comensha_content.W041"
    ]
