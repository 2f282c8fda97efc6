"""Serving a page takes the same number of SQL queries however much it holds.

A story of 10, 100 or 1,000 blocks (images with renditions, testimonies, facts with sources,
links to pages, helpline snippets, ...) and the Kompas finder and the tracker with 10 or 1,000
items must each take one fixed number of queries: chosen objects, renditions and snippets are
fetched in bulk, never one query per block or item. Counted with Django's cache emptied before
each request, so a cache cannot hide a query per item.
"""

import pytest
import wagtail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.synthetic import make_kompas, make_longread, make_tracker

WAGTAIL_8 = wagtail.VERSION >= (8, 0)


def count_queries(client, urls_by_size):
    """``({size: queries}, {size: response})`` of one GET per URL, the cache emptied before each.

    Every URL is requested once beforehand, so process-wide caches (content types, ...) are
    warm and the images' renditions exist for every size alike: a rendition is made once per
    image and size, on its first view, not on every request.
    """
    for url in urls_by_size.values():
        assert client.get(url).status_code == 200
    counts, responses = {}, {}
    for size, url in urls_by_size.items():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, response.content[:500]
        counts[size], responses[size] = len(captured), response
    return counts, responses


def assert_same(counts, what):
    """One count for every size; the message shows the counts per size."""
    assert len(set(counts.values())) == 1, f"{what}: queries per size {counts}"
    print(f"{what}: {next(iter(counts.values()))} queries for sizes {sorted(counts)}")


@pytest.fixture
def stories(site_root):
    return {size: make_longread(site_root, size) for size in (10, 100, 1000)}


def test_story_page_takes_the_same_queries_for_10_100_and_1000_blocks(client, stories):
    counts, responses = count_queries(client, {size: story.url for size, story in stories.items()})
    for size, response in responses.items():
        html = response.content.decode()
        # Every block is on the page: a picture per image, two helplines per helpline block.
        assert html.count('srcset="') == 1 + size // 10  # and the hero image
        assert html.count('class="cc-helpline__name"') == 2 * (size // 10)
        assert f'class="cc-testimony__name">Name {size - 7}<' in html  # the last testimony
    assert_same(counts, "story HTML")


def test_story_api_v2_detail_takes_the_same_queries_for_10_100_and_1000_blocks(client, stories):
    counts, responses = count_queries(
        client, {size: f"/api/v2/pages/{story.pk}/" for size, story in stories.items()}
    )
    for size, response in responses.items():
        body = response.json()["body"]
        assert len(body) == size
        images = [block for block in body if block["type"] == "image"]
        assert len(images) == size // 10
        assert all(len(block["value"]["image"]["renditions"]) == 3 for block in images)
        links = [block for block in body if block["type"] == "call_to_action"]
        assert links and all(block["value"]["page"]["locale"] == "nl" for block in links)
    assert_same(counts, "story API v2 detail")


@pytest.mark.skipif(not WAGTAIL_8, reason="API v3 comes with Wagtail 8")
def test_story_api_v3_detail_takes_the_same_queries_for_10_100_and_1000_blocks(client, stories):
    counts, responses = count_queries(
        client, {size: f"/api/v3/pages/{story.pk}/" for size, story in stories.items()}
    )
    for size, response in responses.items():
        assert len(response.json()["body"]) == size
    assert_same(counts, "story API v3 detail")


@pytest.mark.parametrize("api", [False, True], ids=["HTML", "API v2 detail"])
def test_hero_image_role_and_form_of_exploitation_cost_no_query(client, site_root, api):
    """They come in the story's own query (the index page's ``route``, the API's ``get_object``).

    Counted with a warm cache: with an empty one the hero image's renditions take one query.
    """
    from comensha_content.longread.models import LongreadPage

    shown, plain = make_longread(site_root, 10), make_longread(site_root, 10)
    LongreadPage.objects.filter(pk=plain.pk).update(
        hero_image=None, role=None, form_of_exploitation=None
    )
    counts, responses = {}, {}
    for name, story in (("shown", shown), ("plain", plain)):
        url = f"/api/v2/pages/{story.pk}/" if api else story.url
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            responses[name] = client.get(url)
        assert responses[name].status_code == 200
        counts[name] = len(captured)
    if api:
        shown_json = responses["shown"].json()
        assert shown_json["api_hero_image"]["renditions"]
        assert shown_json["api_role"]["code"] == "victim-support"
        assert shown_json["api_form_of_exploitation"]["code"] == "labour-exploitation"
        assert responses["plain"].json()["api_role"] is None
    else:
        html = responses["shown"].content.decode()
        assert 'class="cc-hero__img"' in html and 'class="cc-tag"' in html
        assert 'class="cc-hero__img"' not in responses["plain"].content.decode()
    assert_same(counts, "story with and without hero image, role and form")


#: Listings show this many items a page in these tests: 10 items fill part of a page, 1,000 fill
#: it, so a query per listed item shows as a difference.
PAGE_SIZE = 100


@pytest.fixture
def kompas_pages(site_root, settings):
    settings.COMENSHA_CONTENT_PAGINATE_BY = PAGE_SIZE
    return {size: make_kompas(site_root, size) for size in (10, 1000)}


@pytest.fixture
def trackers(site_root, settings):
    settings.COMENSHA_CONTENT_PAGINATE_BY = PAGE_SIZE
    return {size: make_tracker(site_root, size) for size in (10, 1000)}


def test_kompas_finder_takes_the_same_queries_for_10_and_1000_instruments(client, kompas_pages):
    counts, responses = count_queries(
        client, {size: kompas.url for size, kompas in kompas_pages.items()}
    )
    for size, response in responses.items():
        html = response.content.decode()
        assert html.count("Instrument 0") == min(size, PAGE_SIZE)
    assert_same(counts, f"Kompas finder HTML ({PAGE_SIZE} a page)")


def test_kompas_api_listing_takes_the_same_queries_for_10_and_1000_instruments(
    client, kompas_pages
):
    counts, responses = count_queries(
        client,
        {
            size: "/api/v2/pages/?type=comensha_content.InstrumentPage"
            f"&descendant_of={kompas.pk}&fields=*&limit=20"
            for size, kompas in kompas_pages.items()
        },
    )
    for size, response in responses.items():
        assert response.json()["meta"]["total_count"] == size
    assert_same(counts, "Kompas finder API v2 list")


def test_tracker_takes_the_same_queries_for_10_and_1000_recommendations(client, trackers):
    # Every tracker lists all recommendations of its language: filter on each one's report.
    counts, responses = count_queries(
        client,
        {
            size: f"{tracker.url}?report={tracker.get_children().get().pk}"
            for size, tracker in trackers.items()
        },
    )
    for size, response in responses.items():
        html = response.content.decode()
        assert html.count("Recommendation 0") == min(size, PAGE_SIZE)
    assert_same(counts, f"tracker HTML ({PAGE_SIZE} a page)")


def test_tracker_api_takes_the_same_queries_for_10_and_1000_recommendations(client, trackers):
    reports = {size: tracker.get_children().get() for size, tracker in trackers.items()}
    counts, responses = count_queries(
        client,
        {
            size: f"/api/v2/recommendations/?report={report.pk}&limit=20"
            for size, report in reports.items()
        },
    )
    for size, response in responses.items():
        assert response.json()["meta"]["total_count"] == size
        assert len(response.json()["items"]) == min(size, 20)
    assert_same(counts, "tracker API v2 list")


# --- API listings: limit=1 and limit=20 take the same queries ------------------------------------


def package_page_labels():
    from comensha_content.schema.discovery import package_page_models

    return [model._meta.label for model in package_page_models()]


def assert_listing_same_for_limit_1_and_20(client, url):
    counts, responses = count_queries(client, {limit: f"{url}&limit={limit}" for limit in (1, 20)})
    items = {limit: len(response.json()["items"]) for limit, response in responses.items()}
    assert items[1] == 1, items
    assert_same(counts, f"{url} ({items[20]} items at limit=20)")
    return items


@pytest.mark.parametrize("label", package_page_labels())
def test_api_v2_listing_with_all_fields_takes_the_same_queries_for_limit_1_and_20(
    client, demo, label
):
    """Every page type of the package, in the demo's Dutch pages (one language a listing).

    Newest first: the page at ``limit=1`` is then the demo's last-made page of the type (for
    stories the long one, with every kind of block), so ``limit=20`` adds pages and never a
    kind of chosen object the first one lacks. A query per listed page still shows.
    """
    assert_listing_same_for_limit_1_and_20(
        client, f"/api/v2/pages/?type={label}&fields=*&locale=nl&order=-id"
    )


@pytest.mark.skipif(not WAGTAIL_8, reason="API v3 comes with Wagtail 8")
@pytest.mark.parametrize("label", package_page_labels())
def test_api_v3_listing_takes_the_same_queries_for_limit_1_and_20(client, demo, label):
    assert_listing_same_for_limit_1_and_20(client, f"/api/v3/pages/?type={label}&locale=nl")


def test_kompas_api_listing_of_1000_instruments_takes_the_same_queries_for_limit_1_and_20(
    client, site_root
):
    kompas = make_kompas(site_root, 1000)
    items = assert_listing_same_for_limit_1_and_20(
        client,
        f"/api/v2/pages/?type=comensha_content.InstrumentPage&descendant_of={kompas.pk}&fields=*",
    )
    assert items[20] == 20


def test_story_api_listing_takes_the_same_queries_for_limit_1_and_20(client, site_root):
    """25 stories of 10 blocks each (images, testimonies, links, helplines) under one index."""
    from benchmarks.synthetic import add_page
    from comensha_content.models import LongreadPage

    story = make_longread(site_root, 10)
    for number in range(24):
        add_page(
            story.get_parent(),
            LongreadPage(
                title=f"Listed story {number}",
                slug=f"listed-{number}",
                lede=story.lede,
                shown_name=story.shown_name,
                hero_image=story.hero_image,
                role=story.role,
                form_of_exploitation=story.form_of_exploitation,
                body=story.body.raw_data,
                sources=story.sources.raw_data,
                related_stories=story.related_stories.raw_data,
            ),
        )
    items = assert_listing_same_for_limit_1_and_20(
        client,
        "/api/v2/pages/?type=comensha_content.LongreadPage&fields=*"
        f"&child_of={story.get_parent().pk}&order=-id",
    )
    assert items[20] == 20
