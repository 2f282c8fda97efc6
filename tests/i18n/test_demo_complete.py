"""wagtail-localize's admin reports every translation of the demo complete."""

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail_localize.models import Translation

from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


def report_rows(client, **filters):
    """Every row of wagtail-localize's translations report (all result pages)."""
    rows, number = [], 1
    while True:
        response = client.get(
            reverse("wagtail_localize:translations_report_results"), {**filters, "p": number}
        )
        assert response.status_code == 200
        html = soup(response.content.decode())
        rows += [[text_of(cell) for cell in row.select("td")] for row in html.select("tbody tr")]
        if not html.select_one(f'a[href*="p={number + 1}"]'):
            return rows, html
        number += 1


def test_the_admin_reports_every_demo_translation_up_to_date(english_admin_client, locales):
    translations = Translation.objects.filter(enabled=True)
    assert translations.count() > 40
    rows, _html = report_rows(english_admin_client)
    assert len(rows) == Translation.objects.count()
    assert {row[-1] for row in rows} == {"Up to date"}

    waiting, html = report_rows(english_admin_client, waiting_for_translation="true")
    assert waiting == [] and "No translations found." in text_of(html)

    for translation in translations:
        total, translated = translation.get_progress()
        assert total == translated > 0, translation.source.object_repr


def test_every_demo_page_has_a_live_english_translation(demo, locales):
    dutch = Page.objects.filter(depth__gt=1, locale=locales["nl"]).live()
    assert dutch.count() > 10
    missing = [page.url_path for page in dutch if not page.has_translation(locales["en"])]
    assert missing == []
    drafts = [page.url_path for page in dutch if not page.get_translation(locales["en"]).live]
    assert drafts == []
    translated = set(
        Translation.objects.filter(
            target_locale=locales["en"], source__object_id__in=[p.translation_key for p in dutch]
        ).values_list("source__object_id", flat=True)
    )
    assert translated == {page.translation_key for page in dutch}, "made by wagtail-localize"


def dutch_demo_texts():
    """Every Dutch text of the demo that has a different English translation (from its catalogs).

    Short texts (a word such as "Sara" or an abbreviation) are left out, and so are Dutch names
    the English text uses too ("the Longread Mensenhandel").
    """
    from home.demo import kompas, longread, recommendations, safety, site, taxonomy

    catalogs = (kompas.t, longread.t, recommendations.t, safety.t, taxonomy.t, site.HOME_EN)
    pairs = [(str(nl), str(en)) for catalog in catalogs for nl, en in catalog.items()]
    english = " ".join(en for _nl, en in pairs)
    return {
        " ".join(strip_tags(nl).split())
        for nl, en in pairs
        if nl != en and len(nl) > 20 and nl not in english
    }


def english_pages(locales):
    return Page.objects.filter(depth__gt=1, locale=locales["en"]).live().specific()


def test_every_english_demo_page_has_no_untranslated_segment(demo, locales):
    """Counted by wagtail-localize per page, as the translation editor shows them."""
    from wagtail_localize.models import StringSegment

    pages = list(english_pages(locales))
    assert len(pages) > 10
    untranslated = {}
    for page in pages:
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=locales["en"]
        )
        total, translated = translation.get_progress()
        if total != translated:
            untranslated[page.url_path] = total - translated
    assert untranslated == {}
    # The index's highlighted facts (a ListBlock) are segments the translator is offered.
    index = Page.objects.get(locale=locales["nl"], slug="longread").specific
    source = Translation.objects.get(
        source__object_id=index.translation_key, target_locale=locales["en"]
    ).source
    fact_segments = StringSegment.objects.filter(
        source=source, context__path__startswith="highlighted_facts."
    )
    labels = {segment.string.data for segment in fact_segments}
    assert (
        "geschatte slachtoffers van mensenhandel per jaar, van wie slechts een klein aantal in beeld is"
        in labels
    )
    assert fact_segments.count() >= 8, "a label and a source per fact"


def test_no_dutch_text_is_visible_on_an_english_demo_page(client, demo, locales):
    dutch = dutch_demo_texts()
    assert len(dutch) > 100
    seen = {}
    for page in english_pages(locales):
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        main = soup(response.content.decode()).select_one("main") or soup(response.content)
        visible = text_of(main)
        found = sorted(text for text in dutch if text in visible)
        if found:
            seen[url] = found
    assert seen == {}


def test_the_english_index_shows_its_facts_in_english(client, demo):
    html = soup(client.get("/en/longread/").content.decode())
    facts = text_of(html.select_one(".cc-highlighted-facts"))
    assert "estimated victims of human trafficking a year" in facts
    assert "geschatte slachtoffers" not in facts


def test_the_demo_stores_list_items_with_ids(demo, locales):
    """The demo loader stores lists in Wagtail's block format, so their items have segments."""
    from comensha_content.longread.models import LongreadIndexPage

    for index in LongreadIndexPage.objects.all():
        stored = index.highlighted_facts.raw_data[0]["value"]
        assert stored and all(item["type"] == "item" and item["id"] for item in stored)
