"""Links on an English page lead to English pages, else visibly to the Dutch source.

Rich text page links, page choosers (call to action, related stories, related instruments) and
snippet choosers, in the HTML and in the API.
"""

import pytest
from wagtail.models import Page
from wagtail_localize.models import Translation

from comensha_content.core.translation import translate_instance
from comensha_content.models import InstrumentPage, KompasPage, LongreadPage
from tests.helpers import record_consent, soup, text_of

pytestmark = pytest.mark.django_db

MARK = "EN: "


def earlier_translations(page, locale):
    """The translator's earlier work on ``page`` (source text -> translation)."""
    record = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=locale
    ).first()
    if record is None:
        return {}
    return {entry.msgid: entry.msgstr for entry in record.export_po() if entry.msgstr}


def retranslate(page, locale):
    """Translate ``page`` again: earlier translations kept, new texts marked as translated."""
    known = earlier_translations(page, locale)
    return translate_instance(page, locale, lambda text: known.get(text) or MARK + text)


@pytest.fixture
def linked(demo, locales):
    """The Dutch story Lisa with a paragraph linking to the Kompas (translated) and to a new
    Dutch story without translation, and a call to action and a related story to the latter."""
    nl, en = locales["nl"], locales["en"]
    story = LongreadPage.objects.get(slug="lisa", locale=nl)
    kompas = KompasPage.objects.get(locale=nl)
    untranslated = story.get_parent().add_child(
        instance=LongreadPage(
            title="Alleen in het Nederlands",
            slug="alleen-nederlands",
            lede="Nog niet vertaald.",
            shown_name="Sam",
            body=[{"type": "paragraph", "value": "<p>Tekst.</p>"}],
            locale=nl,
        )
    )
    record_consent(untranslated)
    untranslated.save_revision().publish()
    body = list(story.body.raw_data)
    body.append(
        {
            "type": "paragraph",
            "value": f'<p>Lees <a linktype="page" id="{kompas.pk}">het Kompas</a> en '
            f'<a linktype="page" id="{untranslated.pk}">dit verhaal</a>.</p>',
        }
    )
    body.append(
        {
            "type": "call_to_action",
            "value": {"text": "", "link_label": "Verder lezen", "page": untranslated.pk, "url": ""},
        }
    )
    story.body = body
    story.related_stories = [{"type": "story", "value": untranslated.pk}]
    story.save_revision().publish()
    english = retranslate(story, en)
    return {
        "english": english,
        "kompas_en": kompas.get_translation(en),
        "untranslated": untranslated,
    }


def test_rich_text_page_links_lead_to_english_or_visibly_to_dutch(client, linked):
    html = soup(client.get(linked["english"].url).content.decode())
    paragraph = next(p for p in html.select("main p") if "Kompas" in p.get_text())
    links = paragraph.select("a")
    assert [link["href"] for link in links] == [
        linked["kompas_en"].url,
        linked["untranslated"].url,
    ]
    assert links[0].get("hreflang") is None and links[0].select(".cc-fallback-language") == []
    assert links[1]["hreflang"] == "nl"
    assert text_of(links[1].select_one(".cc-fallback-language")) == "(in Dutch)"


def test_rich_text_links_in_the_api_carry_the_same_marks(client, linked):
    data = client.get(f"/api/v2/pages/{linked['english'].pk}/").json()
    paragraph = next(
        block["value"]
        for block in data["body"]
        if block["type"] == "paragraph" and "Kompas" in str(block["value"])
    )
    links = soup(paragraph).select("a")
    assert [link["href"] for link in links] == [
        linked["kompas_en"].url,
        linked["untranslated"].url,
    ]
    assert links[1]["hreflang"] == "nl" and links[1]["data-cc-fallback-language"] == "nl"


def test_the_dutch_page_links_plainly(client, linked, locales):
    dutch = linked["english"].get_translation(locales["nl"])
    html = soup(client.get(dutch.url).content.decode())
    assert html.select("main .cc-fallback-language") == []
    assert html.select_one(f'main a[href="{linked["untranslated"].url}"]') is not None


def test_page_choosers_fall_back_visibly_in_html_and_api(client, linked):
    english = linked["english"]
    html = soup(client.get(english.url).content.decode())
    call_to_action = html.select_one(".cc-cta__link")
    assert call_to_action["href"] == linked["untranslated"].url
    assert call_to_action["hreflang"] == "nl"
    assert "(in Dutch)" in text_of(call_to_action)
    related = html.select_one(f'a[href="{linked["untranslated"].url}"][lang="nl"]')
    assert related is not None and related.get("hreflang") == "nl"

    data = client.get(f"/api/v2/pages/{english.pk}/").json()
    cta = next(block["value"] for block in data["body"] if block["type"] == "call_to_action")
    assert cta["page"]["is_fallback"] is True and cta["page"]["locale"] == "nl"
    assert [story["is_fallback"] for story in data["api_related_stories"]] == [True]


def test_related_instruments_fall_back_visibly(client, demo, locales):
    nl, en = locales["nl"], locales["en"]
    instrument = InstrumentPage.objects.filter(locale=nl).order_by("path").first()
    new = Page.objects.get(pk=instrument.pk).specific.copy(
        update_attrs={"slug": "nieuw-instrument", "title": "Nieuw instrument"},
        keep_live=True,
        reset_translation_key=True,
    )
    instrument.related_instruments = [{"type": "instrument", "value": new.pk}]
    instrument.save_revision().publish()
    english = retranslate(instrument, en)
    html = soup(client.get(english.url).content.decode())
    link = html.select_one(f'#related a[href="{new.url}"]')
    assert link is not None and link["hreflang"] == "nl"
    assert link.select_one('[lang="nl"]').get_text() == "Nieuw instrument"
    assert text_of(link.select_one(".cc-fallback-language")) == "(in Dutch)"

    data = client.get(f"/api/v2/pages/{english.pk}/").json()
    assert [(item["locale"], item["is_fallback"]) for item in data["related_instruments"]] == [
        ("nl", True)
    ]


def test_snippet_choosers_resolve_to_the_english_snippet(client, demo, locales):
    english = LongreadPage.objects.get(slug="lisa", locale=locales["nl"]).get_translation(
        locales["en"]
    )
    data = client.get(f"/api/v2/pages/{english.pk}/").json()
    helplines = [
        entry
        for block in data["body"]
        if block["type"] == "helpline"
        for entry in block["value"]["helplines"]
    ]
    assert helplines, "the demo story has a helpline block"
    assert all(entry["locale"] == "en" and entry["is_fallback"] is False for entry in helplines)
