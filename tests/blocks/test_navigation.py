"""Chapter anchors and the table of contents, the story body stream, and calls to action."""

import uuid

import pytest
from django.test import override_settings
from django.utils import translation
from wagtail.models import Page

from comensha_content.blocks import (
    CallToActionBlock,
    StoryBodyBlock,
    stream_with_anchors,
    table_of_contents,
)
from tests.helpers import child_errors, soup, text_of

pytestmark = pytest.mark.django_db


def chapter(heading, anchor="", intro=""):
    return {"type": "chapter", "value": {"heading": heading, "intro": intro, "anchor": anchor}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def story(*children):
    """A story body as stored: every child with its own id."""
    return StoryBodyBlock().to_python([{**child, "id": str(uuid.uuid4())} for child in children])


def test_table_of_contents_lists_chapters_with_unique_anchors():
    body = story(
        chapter("Hoe het begon"),
        paragraph("<p>Tekst</p>"),
        chapter("Hulp"),
        chapter("Hoe het begon"),
        chapter("Hulp", anchor="hulp"),
        chapter("Hoe het begon"),
    )
    assert table_of_contents(body) == [
        {"anchor": "hoe-het-begon", "title": "Hoe het begon"},
        {"anchor": "hulp", "title": "Hulp"},
        {"anchor": "hoe-het-begon-2", "title": "Hoe het begon"},
        {"anchor": "hulp-2", "title": "Hulp"},
        {"anchor": "hoe-het-begon-3", "title": "Hoe het begon"},
    ]


def test_anchors_are_stable_across_calls_and_skip_page_ids():
    body = story(chapter("Main"), chapter("FN 1"), chapter("Hoe het begon"))
    first = table_of_contents(body)
    assert first == table_of_contents(body)
    assert [entry["anchor"] for entry in first] == ["main-2", "chapter-fn-1", "hoe-het-begon"]
    assert [anchor for _child, anchor in stream_with_anchors(body)] == [
        "main-2",
        "chapter-fn-1",
        "hoe-het-begon",
    ]


def test_story_html_uses_the_table_of_contents_anchors():
    body = story(chapter("Hulp"), paragraph("<p>Bel 112.</p>"), chapter("Hulp"))
    html = soup(StoryBodyBlock().render(body))
    heading_ids = [heading["id"] for heading in html.find_all("h2")]
    assert heading_ids == [entry["anchor"] for entry in table_of_contents(body)]
    assert heading_ids == ["hulp", "hulp-2"]
    assert text_of(html.find("div", class_="cc-paragraph")) == "Bel 112."


@override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="db_html")
def test_story_api_gives_each_block_with_the_same_anchors():
    body = story(chapter("Hulp"), paragraph("<p>Bel 112.</p>"), chapter("Hulp"))
    data = StoryBodyBlock().get_api_representation(body)
    assert [(item["type"], item["value"]) for item in data] == [
        ("chapter", {"heading": "Hulp", "intro": "", "anchor": "hulp"}),
        ("paragraph", "<p>Bel 112.</p>"),
        ("chapter", {"heading": "Hulp", "intro": "", "anchor": "hulp-2"}),
    ]
    assert all(item["id"] for item in data)


def test_story_body_offers_exactly_the_storytelling_blocks():
    assert list(StoryBodyBlock().child_blocks) == [
        "chapter",
        "paragraph",
        "pull_quote",
        "testimony",
        "perspective",
        "fact",
        "image",
        "media",
        "timeline",
        "call_to_action",
        "helpline",
        "content_warning",
        "document",
        "accordion",
    ]


def test_story_blocks_get_unique_dom_ids_from_the_stream():
    perspective = {
        "type": "perspective",
        "value": {
            "domain": "Zorg",
            "name": "Anna",
            "job_title": "Zorgcoördinator",
            "organisation": "",
            "text": "<p>x</p>",
        },
    }
    body = story(perspective, perspective)
    ids = [
        aside["aria-labelledby"] for aside in soup(StoryBodyBlock().render(body)).find_all("aside")
    ]
    assert len(set(ids)) == 2
    assert ids == [f"cc-perspective-{child.id}-heading" for child in body]


# --- Call to action ----------------------------------------------------------------------------


def cta(**overrides):
    return {
        "text": "Gemeenten kunnen barrières opwerpen.",
        "link_label": "Lees het Kompas",
        "page": None,
        "url": "https://kompasaanpakmensenhandel.vng.nl/",
        **overrides,
    }


def test_call_to_action_with_external_url():
    block = CallToActionBlock()
    value = block.to_python(cta())
    html = soup(block.render(value))
    link = html.find("a", class_="cc-cta__link")
    assert (link["href"], text_of(link)) == (
        "https://kompasaanpakmensenhandel.vng.nl/",
        "Lees het Kompas",
    )
    assert not link.has_attr("hreflang")
    assert text_of(html.find("p")) == "Gemeenten kunnen barrières opwerpen."
    assert block.get_api_representation(value) == {
        "text": "Gemeenten kunnen barrières opwerpen.",
        "link_label": "Lees het Kompas",
        "url": "https://kompasaanpakmensenhandel.vng.nl/",
        "is_external": True,
        "page": None,
    }


def test_call_to_action_accepts_mailto():
    assert child_errors(CallToActionBlock(), cta(url="mailto:info@comensha.nl")) == {}


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:,x"]
)
def test_call_to_action_rejects_script_urls(url):
    errors = child_errors(CallToActionBlock(), cta(url=url))
    assert errors == {
        "url": [
            "Enter a web address that starts with https:// or http://, or an email link that "
            "starts with mailto:. Other kinds of links, such as javascript:, are not allowed."
        ]
    }


def test_call_to_action_needs_exactly_one_target(site_home):
    block = CallToActionBlock()
    assert child_errors(block, cta(page=site_home.pk)) == {
        "url": ["Choose a page or enter a web address, not both."]
    }
    assert child_errors(block, cta(url="")) == {
        "page": ["Choose a page on this site, or enter a web address under 'Other web address'."]
    }
    assert child_errors(block, cta(url="", page=site_home.pk)) == {}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def kompas_pages(site_home, block_locales):
    dutch = publish(site_home.add_child(instance=Page(title="Kompas", slug="kompas")))
    english = dutch.copy_for_translation(block_locales["en"], copy_parents=True)
    english.title = "Compass"
    english.save()
    return dutch, english


def test_call_to_action_links_the_page_in_the_readers_language(kompas_pages):
    dutch, english = kompas_pages
    block = CallToActionBlock()
    value = block.to_python(cta(url="", page=dutch.pk))

    with translation.override("en"):
        # the English translation is a draft: the Dutch page is linked, marked as Dutch
        link = soup(block.render(value)).find("a")
        assert (link["href"], link["hreflang"]) == ("/kompas/", "nl")
        assert text_of(link) == "Lees het Kompas (in Dutch)"
        assert block.get_api_representation(value)["page"] == {
            "id": dutch.pk,
            "type": "wagtailcore.Page",
            "locale": "nl",
            "title": "Kompas",
            "url": "/kompas/",
            "is_fallback": True,
        }

        publish(english)
        link = soup(block.render(value)).find("a")
        assert link["href"] == "/en/kompas/"
        assert not link.has_attr("hreflang")
        assert text_of(link) == "Lees het Kompas"
        data = block.get_api_representation(value)
    assert data["url"] == "/en/kompas/"
    assert data["page"] == {
        "id": english.pk,
        "type": "wagtailcore.Page",
        "locale": "en",
        "title": "Compass",
        "url": "/en/kompas/",
        "is_fallback": False,
    }


@override_settings(COMENSHA_CONTENT_SOURCE_FALLBACK_NOTICE=False)
def test_fallback_notice_can_be_switched_off(kompas_pages):
    dutch, _english = kompas_pages
    block = CallToActionBlock()
    with translation.override("en"):
        link = soup(block.render(block.to_python(cta(url="", page=dutch.pk)))).find("a")
    assert text_of(link) == "Lees het Kompas"
    assert link["hreflang"] == "nl"  # still marked up for assistive technology


def test_call_to_action_to_an_unpublished_page_renders_nothing(site_home):
    draft = site_home.add_child(instance=Page(title="Concept", slug="concept", live=False))
    block = CallToActionBlock()
    value = block.to_python(cta(url="", page=draft.pk))
    assert block.render(value).strip() == ""
    assert block.get_api_representation(value)["url"] is None
