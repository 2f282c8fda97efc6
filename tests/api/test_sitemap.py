"""The example's /sitemap.xml (comensha_content.core.sitemap): every language, hreflang, exclusions.

Read as a search engine reads it: anonymous, parsed as XML, URLs as the HTML pages give them.
"""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from comensha_content.models import BrowseSafelyPage, LongreadPage, StoryConsent

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def read_sitemap(client):
    """``{location: {hreflang: href}}`` of the sitemap's URLs."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", NS):
        location = url.find("s:loc", NS).text
        assert location not in entries, f"{location} is listed twice"
        entries[location] = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", NS)
            if link.get("rel") == "alternate"
        }
    return entries


def lisa(language):
    return LongreadPage.objects.get(slug="lisa", locale__language_code=language)


def test_every_live_public_page_of_both_languages_is_listed(client, demo):
    entries = read_sitemap(client)
    for language in ("nl", "en"):
        pages = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)
        expected = {
            page.full_url
            for page in pages.specific()
            if page.get_sitemap_urls()  # its own noindex / consent decision
        }
        assert len(expected) > 5, language
        listed = {location for location in entries if location in expected}
        assert listed == expected, language
    assert lisa("en").full_url.endswith("/en/longread/lisa/")
    assert lisa("en").full_url in entries


def test_each_url_has_hreflang_alternates_and_x_default(client, demo):
    entries = read_sitemap(client)
    dutch, english = lisa("nl").full_url, lisa("en").full_url
    expected = {"nl": dutch, "en": english, "x-default": dutch}
    assert entries[dutch] == expected
    assert entries[english] == expected
    home = {page.locale.language_code: page.full_url for page in Page.objects.filter(depth=2)}
    assert entries[home["en"]]["nl"] == home["nl"]
    assert entries[home["en"]]["x-default"] == home["nl"]


def test_a_page_excluded_from_search_engines_is_absent_and_no_alternate(client, demo):
    english = BrowseSafelyPage.objects.filter(locale__language_code="en").first()
    if english is None:
        pytest.skip("the demo has no English browse-safely page")
    dutch = english.get_translation(Locale.objects.get(language_code="nl"))
    assert read_sitemap(client)[dutch.full_url]["en"] == english.full_url
    english.noindex = True
    english.save_revision().publish()
    entries = read_sitemap(client)
    assert english.full_url not in entries
    assert dutch.full_url in entries
    assert entries[dutch.full_url] == {}  # one version left: no alternates


def test_a_story_whose_consent_is_withdrawn_is_absent_in_every_language(client, demo):
    story = lisa("nl")
    StoryConsent.objects.filter(translation_key=story.translation_key).update(
        withdrawn_on=timezone.localdate()
    )
    entries = read_sitemap(client)
    assert story.full_url not in entries
    assert lisa("en").full_url not in entries
    assert not any(story.full_url in links.values() for links in entries.values())


def test_an_unpublished_or_private_translation_is_absent_and_no_alternate(client, demo):
    english = lisa("en")
    english.unpublish()
    entries = read_sitemap(client)
    assert english.full_url not in entries
    assert entries[lisa("nl").full_url] == {}

    other = LongreadPage.objects.live().filter(locale__language_code="en").first()
    PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert other.full_url not in read_sitemap(client)
