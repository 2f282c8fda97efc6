"""A 304 costs at most two queries: validators first, no serialisation, whatever the page holds.

The full answer to the same URL loads the page, its blocks, images and links; the 304 reads
one row (live revision, publication time, locale, audit log marks) and Django's cache.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.synthetic import make_longread, make_tracker
from comensha_content.api import v3
from tests.helpers import record_consent

#: The floor the issue sets: ETag and Last-Modified decided in at most this many queries.
MAX_304_QUERIES = 2


@pytest.fixture(autouse=True)
def rendered_answers(settings):
    """Full answers serialised each time (the revision cache off): the 304 must skip that work.

    With the cache on, a full answer costs the 304's query too (``test_revision_cache.py``).
    """
    settings.COMENSHA_CONTENT_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def story(site_root):
    story = make_longread(site_root, 1000)
    for page in story.get_parent().get_children().specific():
        record_consent(page)
    story.save_revision().publish()  # a publication time: Last-Modified
    return story


def revalidate(client, url):
    """``(full response, its queries, 304 response, its queries)`` of GET ``url``."""
    client.get(url)  # process-wide caches warm (content types, the consent sweep's day)
    with CaptureQueriesContext(connection) as full_queries:
        full = client.get(url)
    assert full.status_code == 200, full.content[:300]
    with CaptureQueriesContext(connection) as conditional_queries:
        answer = client.get(url, HTTP_IF_NONE_MATCH=full["ETag"])
    return full, len(full_queries), answer, len(conditional_queries)


V3 = pytest.param(
    "v3", marks=pytest.mark.skipif(not v3.is_available(), reason="API v3 comes with Wagtail 8")
)


@pytest.mark.parametrize("api", ["v2", V3])
def test_a_304_for_a_story_of_1000_blocks_takes_at_most_two_queries(client, story, api):
    url = f"/api/{api}/pages/{story.pk}/"
    full, full_count, answer, count = revalidate(client, url)
    assert len(full.json()["body"]) == 1000
    assert answer.status_code == 304 and answer.content == b""
    assert answer["ETag"] == full["ETag"] and answer["Last-Modified"] == full["Last-Modified"]
    assert count <= MAX_304_QUERIES < full_count, (count, full_count)


def test_a_304_by_date_takes_at_most_two_queries(client, story):
    url = f"/api/v2/pages/{story.pk}/"
    full = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(url, HTTP_IF_MODIFIED_SINCE=full["Last-Modified"])
    assert answer.status_code == 304
    assert len(queries) <= MAX_304_QUERIES


def test_a_304_for_a_recommendation_takes_at_most_two_queries(client, site_root):
    tracker = make_tracker(site_root, 3)
    recommendation = tracker.get_children().get().specific.recommendations.first()
    full, full_count, answer, count = revalidate(
        client, f"/api/v2/recommendations/{recommendation.pk}/"
    )
    assert full.json()["title"] == recommendation.title
    assert answer.status_code == 304
    assert count <= MAX_304_QUERIES < full_count, (count, full_count)


def test_a_linked_page_published_under_a_new_title_changes_the_etag(client, story):
    """The ETag no longer digests the body; the content generation carries such changes."""
    url = f"/api/v2/pages/{story.pk}/"
    etag = client.get(url)["ETag"]
    linked = story.get_parent().get_children().exclude(pk=story.pk).first().specific
    linked.title = "A linked story renamed"
    linked.save_revision().publish()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    titles = [link["title"] for link in response.json()["api_related_stories"]]
    assert "A linked story renamed" in titles


def test_an_edited_image_changes_the_etag(client, story):
    url = f"/api/v2/pages/{story.pk}/"
    etag = client.get(url)["ETag"]
    story.hero_image.title = "Retitled"
    story.hero_image.save()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_an_unpublished_story_is_not_answered_304(client, story):
    url = f"/api/v2/pages/{story.pk}/"
    etag = client.get(url)["ETag"]
    story.unpublish()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 404 and "ETag" not in response


def test_json_clients_share_one_etag_and_the_browsable_api_has_its_own(client, story):
    """The 304 is decided before DRF negotiates the media type: the variant is what was asked."""
    url = f"/api/v2/pages/{story.pk}/"
    json_etag = client.get(url, HTTP_ACCEPT="application/json")["ETag"]
    assert client.get(url)["ETag"] == json_etag
    assert client.get(url, HTTP_ACCEPT="*/*")["ETag"] == json_etag
    browsable = client.get(url, HTTP_ACCEPT="text/html")
    assert browsable.status_code == 200 and browsable["Content-Type"].startswith("text/html")
    assert browsable["ETag"] != json_etag
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(url, HTTP_ACCEPT="*/*", HTTP_IF_NONE_MATCH=json_etag)
    assert answer.status_code == 304 and answer.content == b""
    assert "Accept" in answer["Vary"]
    assert len(queries) <= MAX_304_QUERIES
    assert client.get(url, HTTP_ACCEPT="text/html", HTTP_IF_NONE_MATCH=json_etag).status_code == 200
