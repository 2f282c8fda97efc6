"""Conditional GET on API detail responses: ETag, Last-Modified, 304, and what changes the ETag.

Every read is anonymous, as a public front end or CDN reads.
"""

import pytest
import wagtail
from django.utils.http import http_date

from comensha_content.api import v3
from comensha_content.models import LongreadPage
from comensha_content.recommendations.models import Recommendation

pytestmark = pytest.mark.django_db

WAGTAIL_8 = wagtail.VERSION >= (8, 0)


def story(language="en"):
    return LongreadPage.objects.live().filter(locale__language_code=language).first()


def get(client, url, params=None, **headers):
    return client.get(url, params or {}, **headers)


def assert_conditional(client, url, params=None):
    """The response has validators and a matching If-None-Match / If-Modified-Since gives 304."""
    response = get(client, url, params)
    assert response.status_code == 200, response.content
    etag = response["ETag"]
    assert etag.startswith('"') and etag.endswith('"') and len(etag) > 20
    assert response["Last-Modified"]

    not_modified = get(client, url, params, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag

    assert get(client, url, params, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    since = get(client, url, params, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304
    assert get(client, url, params, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200
    return etag


def test_v2_page_detail_is_conditional_and_republishing_changes_the_etag(client, demo):
    page = story()
    url = f"/api/v2/pages/{page.pk}/"
    etag = assert_conditional(client, url)
    first = get(client, url)
    assert first["Last-Modified"] == http_date(page.last_published_at.timestamp())

    page.save_revision().publish()  # the same content, republished
    again = get(client, url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200
    assert again["ETag"] != etag
    assert again.json() == first.json()

    page.refresh_from_db()
    page.lede = "A lede changed and published."
    page.save_revision().publish()
    changed = get(client, url, HTTP_IF_NONE_MATCH=again["ETag"])
    assert changed.status_code == 200
    assert changed.json()["lede"] == "A lede changed and published."


def test_a_saved_draft_does_not_change_the_etag(client, demo):
    page = story()
    url = f"/api/v2/pages/{page.pk}/"
    etag = get(client, url)["ETag"]
    page.lede = "DRAFT-SENTINEL"
    page.save_revision()
    assert get(client, url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_changed_snippet_changes_the_etag_without_republishing(client, demo):
    page = LongreadPage.objects.live().filter(locale__language_code="en").exclude(role=None)[0]
    url = f"/api/v2/pages/{page.pk}/"
    etag = get(client, url)["ETag"]
    from comensha_content.models import Role

    english_role = Role.objects.get(
        translation_key=page.role.translation_key, locale__language_code="en"
    )
    english_role.name = "Renamed role"
    english_role.save()
    response = get(client, url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["api_role"]["name"] == "Renamed role"


def test_the_etag_differs_per_locale_fields_and_rich_text_format(client, demo):
    english = story("en")
    dutch = LongreadPage.objects.get(
        translation_key=english.translation_key, locale__language_code="nl"
    )
    url = f"/api/v2/pages/{english.pk}/"
    etags = {
        "en": get(client, url)["ETag"],
        "nl": get(client, f"/api/v2/pages/{dutch.pk}/")["ETag"],
        "fields": get(client, url, {"fields": "title"})["ETag"],
    }
    if WAGTAIL_8:
        etags["markdown"] = get(client, url, {"rich_text_format": "markdown"})["ETag"]
        etags["db_html"] = get(client, url, {"rich_text_format": "db_html"})["ETag"]
    assert len(set(etags.values())) == len(etags), etags
    # and a validator of one variant does not give 304 for another
    assert get(client, url, {"fields": "title"}, HTTP_IF_NONE_MATCH=etags["en"]).status_code == 200


def test_listings_errors_and_missing_pages_have_no_etag(client, demo):
    assert "ETag" not in get(client, "/api/v2/pages/")
    response = get(client, "/api/v2/pages/999999/")
    assert response.status_code == 404 and "ETag" not in response


def test_v2_recommendation_detail_is_conditional(client, demo):
    recommendation = Recommendation.objects.public().filter(locale__language_code="nl").first()
    url = f"/api/v2/recommendations/{recommendation.pk}/"
    etag = assert_conditional(client, url)
    report = recommendation.report.specific
    assert get(client, url)["Last-Modified"] == http_date(report.last_published_at.timestamp())

    recommendation.title = "A title changed in the tracker"
    recommendation.save()
    response = get(client, url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["title"] == "A title changed in the tracker"


@pytest.mark.skipif(not v3.is_available(), reason="API v3 needs Wagtail 8")
def test_v3_page_detail_is_conditional(client, demo):
    page = story()
    url = f"/api/v3/pages/{page.pk}/"
    etag = assert_conditional(client, url)
    assert etag != get(client, f"/api/v2/pages/{page.pk}/")["ETag"]
    markdown = get(client, url, {"rich_text_format": "markdown"})["ETag"]
    assert markdown != etag
    page.save_revision().publish()
    assert get(client, url, HTTP_IF_NONE_MATCH=etag).status_code == 200
    # errors stay Wagtail's, without validators
    bad = get(client, url, {"rich_text_format": "rtf"})
    assert bad.status_code == 422 and "ETag" not in bad
