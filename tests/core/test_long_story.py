"""The demo's story of realistic length (Daan): every storytelling block, in Dutch and English.

It is the story that shows the design with a long read, so these tests pin what makes it one:
many chapters and blocks, every block type of the story body, a drawn hero, example-text
marking, and a real wagtail-localize translation with every segment translated.
"""

import re
from html import unescape

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from comensha_content.models import LongreadPage, StoryConsent
from home.demo.long_story_text import t

pytestmark = pytest.mark.django_db

NL_URL, EN_URL = "/longread/daan/", "/en/longread/daan/"


@pytest.fixture
def story(demo):
    return LongreadPage.objects.get(slug="daan", locale__language_code="nl")


@pytest.fixture
def english(story):
    return story.get_translation(Locale.objects.get(language_code="en"))


def block_types(stream):
    """The block types used in a stored stream, at any depth (a content warning holds blocks)."""
    found = []
    for child in stream:
        found.append(child.block_type)
        if child.block_type == "content_warning":
            found += block_types(child.value["body"])
    return found


def test_the_story_is_live_in_dutch_and_english(story, english, client):
    assert story.live and english.live
    assert english.title == "Daan: ‘I was too ashamed’"
    assert client.get(NL_URL).status_code == 200
    assert client.get(EN_URL).status_code == 200
    # publishable and visible because a (demo) consent record covers both languages
    consent = StoryConsent.objects.get(translation_key=story.translation_key)
    assert set(consent.scope_locales.values_list("language_code", flat=True)) == {"nl", "en"}
    assert consent.internal_notes not in client.get(NL_URL).content.decode()


def test_the_story_has_realistic_length(story):
    types = [child.block_type for child in story.body]
    assert types.count("chapter") >= 6
    assert len(types) >= 40
    assert story.reading_time >= 5  # minutes


def test_every_storytelling_block_is_used(story):
    offered = set(LongreadPage._meta.get_field("body").stream_block.child_blocks)
    assert len(offered) >= 14
    assert offered - set(block_types(story.body)) == set()
    # the page's own storytelling fields too: sources and related stories
    assert len(story.sources[0].value) >= 4
    related = {child.value.specific.slug for child in story.related_stories}
    assert related == {"lisa", "alexander", "malek"}


def test_the_pull_quote_of_the_narrator_is_marked_as_a_changed_name(story, client):
    quotes = [child.value for child in story.body if child.block_type == "pull_quote"]
    assert {(quote["attribution_name"], quote.is_pseudonym) for quote in quotes} == {
        ("Daan", True),
        ("Sanne", False),
    }
    html = client.get(NL_URL).content.decode()
    assert re.search(r'cc-pull-quote__name">Daan<[^>]+cc-pseudonym-marker', html)
    assert 'cc-pull-quote__name">Sanne</span>' in html


def test_the_hero_is_an_illustration_drawn_for_the_demo(story, english, client):
    assert story.hero_image.title == "Demo-illustratie daan"
    assert story.hero_image.file.name.endswith(".png")
    assert english.hero_image_id == story.hero_image_id
    html = client.get(EN_URL).content.decode()
    assert 'alt="Drawn illustration: a river between green hills' in html
    assert "Illustration made for the demo (example)" in html
    images = [child.value for child in story.body if child.block_type == "image"]
    assert all(value["image"].title.startswith("Demo-illustratie daan-") for value in images)


def test_invented_text_is_marked_as_example_text(client):
    nl = client.get(NL_URL).content.decode()
    en = client.get(EN_URL).content.decode()
    assert "Voorbeeldtekst: dit verhaal is geschreven voor de demo" in nl
    assert "Example text: this story was written for the comensha-content demo" in en
    assert "Politie (voorbeeld)" in nl and "Police (example)" in en


def test_the_english_page_shows_every_chapter_in_english(story, english, client):
    dutch = [child.value["heading"] for child in story.body if child.block_type == "chapter"]
    shown = [child.value["heading"] for child in english.body if child.block_type == "chapter"]
    assert shown == [t[heading] for heading in dutch]
    html = client.get(EN_URL).content.decode()
    headings = [
        unescape(heading)
        for heading in re.findall(r'<h2 class="cc-chapter__heading" id="[^"]+">([^<]+)</h2>', html)
    ]
    assert headings == shown
    assert len(shown) >= 6 and not set(dutch) & set(headings)


def test_the_translation_is_wagtail_localize_with_every_segment_translated(story, english):
    source = TranslationSource.objects.get_for_instance(story)
    translation = Translation.objects.get(source=source, target_locale=english.locale)
    total, translated = translation.get_progress()
    assert total > 100 and translated == total
    assert english.translation_key == story.translation_key


def test_footnote_links_point_at_the_sources(client):
    for url in (NL_URL, EN_URL):
        html = client.get(url).content.decode()
        cited = set(re.findall(r'href="#(fn-[a-z0-9-]+)"', html))
        assert cited == {"fn-rapporteur", "fn-comensha", "fn-kompas", "fn-rvs-2017"}
        assert all(f'id="{anchor}"' in html for anchor in cited)


def test_calls_to_action_and_the_document_work_in_english(story, client):
    html = client.get(EN_URL).content.decode()
    assert "Go to the Kompas" in html and "Browse safely" in html
    links = re.findall(r'<a class="cc-button cc-cta__link" href="([^"]+)"', html)
    assert len(links) == 2 and all(link.startswith("/en/") for link in links)
    document = next(c.value["document"] for c in story.body if c.block_type == "document")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"033 448 11 86" in b"".join(response.streaming_content)


def test_the_sources_have_one_heading_in_each_language(client):
    for url, heading in ((NL_URL, "Bronnen"), (EN_URL, "Sources")):
        html = client.get(url).content.decode()
        assert len(re.findall(rf"<h2[^>]*>{heading}</h2>", html)) == 1, url
        assert html.count('class="cc-sources"') == 1, url
