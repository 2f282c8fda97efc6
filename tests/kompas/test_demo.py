"""The Kompas demo content as readers get it: every page, its card, its anchors and its notes.

The demo is loaded once for this module (``kompas_demo_module``); each test runs in a savepoint.
"""

import html
import io
import re

import pytest
from wagtail.models import Page, Revision

from comensha_content.kompas.models import InstrumentPage, KompasChapterPage, KompasPage
from comensha_content.models import Organisation
from tests.kompas.kompas_helpers import ui

pytestmark = pytest.mark.django_db

NOTES_PRIVACY = (
    "Your notes are saved only in this browser, on this device (local storage). Nothing is sent "
    "to the server: the website cannot read them. Anyone using this browser can see them, so "
    "delete them on a shared computer."
)


def text_of(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def ids_in(content):
    return set(re.findall(r'\sid="([^"]+)"', content))


def test_demo_has_the_landing_chapters_for_each_question_and_five_instruments(kompas_demo):
    nl = kompas_demo.source_locale
    landing = KompasPage.objects.get(locale=nl)
    chapters = KompasChapterPage.objects.child_of(landing)
    assert sorted(set(chapters.values_list("section", flat=True))) == ["hoe", "met-wie", "wat"]
    for chapter in chapters:
        assert "Voorbeeldtekst" in str(chapter.body[0].value)
    instruments = InstrumentPage.objects.child_of(landing).live()
    assert instruments.count() >= 5
    for instrument in instruments.specific():
        assert instrument.legal_basis, instrument.title
    laws = {
        block.value["law"]
        for instrument in instruments.specific()
        for block in instrument.legal_basis
    }
    assert {"Wet Bibob", "Gemeentewet", "Politiewet 2012", "Jeugdwet"} <= laws
    closure = instruments.get(slug="sluiting-door-de-burgemeester").specific
    eclis = [case["ecli"] for block in closure.risks for case in block.value["case_law"]]
    assert eclis == ["ECLI:NL:RVS:2017:1317"]
    partners = set(Organisation.objects.filter(locale=nl).values_list("code", flat=True))
    assert {
        "comensha",
        "police-avim",
        "labour-inspectorate",
        "kmar",
        "public-prosecution-service",
        "riec",
        "veilig-thuis",
        "ccv",
        "vng",
        "care-coordinators",
    } <= partners


def test_every_demo_page_and_partner_is_translated_into_english(kompas_demo):
    nl, en = kompas_demo.source_locale, kompas_demo.target_locale
    for model in (KompasPage, KompasChapterPage, InstrumentPage):
        for page in model.objects.filter(locale=nl):
            english = page.get_translation(en)
            assert english.live, page.title
            assert english.title != page.title or page.title == "Kompas Aanpak Mensenhandel"
    for organisation in Organisation.objects.filter(locale=nl):
        assert organisation.has_translation(en)
    english_closure = InstrumentPage.objects.get(locale=en, slug="closure-by-the-mayor")
    case = english_closure.risks[0].value["case_law"][0]
    assert case["summary"].startswith("The mayor of The Hague closed a sex establishment")
    assert case["ecli"] == "ECLI:NL:RVS:2017:1317"


def test_loading_the_demo_again_changes_nothing(kompas_demo, django_capture_on_commit_callbacks):
    from home.demo.kompas import load

    before = (Page.objects.count(), Revision.objects.count(), Organisation.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        load(kompas_demo)
    assert (Page.objects.count(), Revision.objects.count(), Organisation.objects.count()) == before


def test_card_view_renders_for_every_demo_chapter_and_instrument(client, kompas_demo):
    pages = [
        *KompasChapterPage.objects.live(),
        *InstrumentPage.objects.live(),
    ]
    assert len(pages) >= 22  # 6 chapters and 5 instruments, in two languages
    for page in pages:
        page = page.specific
        assert page.card_url == page.url + "card/"
        content = text_of(client.get(page.card_url))
        card = content.split('class="cc-kompas-card"', 1)[1]
        assert f'<h1 id="kompas-card-title">{page.title}</h1>' in card, page.url
        assert page.full_url in card  # the printed card says where the full text is
        assert "kompas.css" in content
        if isinstance(page, InstrumentPage):
            for block in page.legal_basis:
                assert block.value.citation in card

        download = client.get(page.card_download_url)
        assert download.status_code == 200
        assert download["Content-Disposition"].startswith("attachment;")
        assert ".html" in download["Content-Disposition"]
        assert "@page { size: A4" in download.content.decode()  # styles travel with the file


def test_pages_link_to_their_card(client, kompas_demo):
    for page in [*KompasChapterPage.objects.live(), *InstrumentPage.objects.live()]:
        content = text_of(client.get(page.url))
        assert f'href="{page.url}card/"' in content
        assert f'href="{page.url}card/download/" download' in content


def test_every_chapter_section_has_an_anchor_and_a_share_link(client, kompas_demo):
    for chapter in KompasChapterPage.objects.live().specific():
        content = text_of(client.get(chapter.url))
        sections = chapter.get_body_sections()
        assert sections, chapter.title
        for section in sections:
            assert section["anchor"] in ids_in(content)
            assert f'href="#{section["anchor"]}"' in content  # table of contents
            share = f'href="{chapter.full_url}#{section["anchor"]}" data-kompas-share'
            assert share in content  # a plain link that works without JavaScript


def test_every_instrument_section_has_an_anchor_and_a_share_link(client, kompas_demo):
    for instrument in InstrumentPage.objects.live().specific():
        content = text_of(client.get(instrument.url))
        for section in instrument.get_sections():
            assert section["anchor"] in ids_in(content)
            assert f'href="{instrument.full_url}#{section["anchor"]}" data-kompas-share' in content


def test_chapter_and_instrument_pages_have_private_notes_that_need_javascript(client, kompas_demo):
    for page in [KompasChapterPage.objects.live().first(), InstrumentPage.objects.live().first()]:
        page = page.specific
        content = text_of(client.get(page.url))
        notes = re.search(r"<section class=\"cc-kompas-notes\"[^>]*>", content).group(0)
        assert " hidden" in notes  # shown only when the script runs
        assert "data-kompas-notes" in notes
        assert f'data-notes-key="comensha-kompas-notes:{page.translation_key}"' in notes
        assert ui(NOTES_PRIVACY, page.locale.language_code) in content
        assert 'src="/static/comensha_content/kompas/kompas-notes.js" defer' in content
        assert "onclick" not in content


def test_stdout_of_the_loader_reports_what_it_did(kompas_demo, django_capture_on_commit_callbacks):
    from home.demo.kompas import load

    kompas_demo.stdout = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        load(kompas_demo)
    assert "Kompas Aanpak Mensenhandel loaded" in kompas_demo.stdout.getvalue()
    assert "Created" not in kompas_demo.stdout.getvalue()
