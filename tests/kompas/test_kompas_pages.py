"""What readers see on the Kompas: landing, chapter order, cards, languages, notes and print."""

import html
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from comensha_content.kompas.models import InstrumentPage
from comensha_content.models import KaderTheme
from tests.kompas.kompas_helpers import ui

pytestmark = pytest.mark.django_db


def text_of(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


# --- Chapters ----------------------------------------------------------------------------------


def test_previous_and_next_follow_the_chapter_numbers(client, kompas):
    first, second, third = (kompas.chapters[number] for number in (1, 2, 3))
    expectations = [(first, None, second), (second, first, third), (third, second, None)]
    for chapter, previous, following in expectations:
        content = text_of(client.get(chapter.url))
        if previous:
            assert f'<a href="{previous.url}" rel="prev">' in content
        else:
            assert 'rel="prev"' not in content
        if following:
            assert f'<a href="{following.url}" rel="next">' in content
        else:
            assert 'rel="next"' not in content


def test_an_unpublished_chapter_is_left_out_of_the_sequence(client, kompas):
    kompas.chapters[2].unpublish()
    content = text_of(client.get(kompas.chapters[1].url))
    assert f'<a href="{kompas.chapters[3].url}" rel="next">' in content


def test_the_notes_script_keeps_notes_in_local_storage_only():
    from django.contrib.staticfiles import finders

    script = open(finders.find("comensha_content/kompas/kompas-notes.js"), encoding="utf-8").read()
    assert "localStorage" in script and "new Blob(" in script
    for network_api in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket"):
        assert network_api not in script


def test_print_stylesheet_lays_the_card_out_on_one_a4_page():
    from django.contrib.staticfiles import finders

    css = open(finders.find("comensha_content/kompas/kompas.css"), encoding="utf-8").read()
    assert "@page { size: A4" in css
    print_rules = css.split("@media print", 1)[1]
    assert re.search(r"\.cc-kompas-card \{[^}]*height: 272mm;[^}]*overflow: hidden;", print_rules)


# --- Landing -----------------------------------------------------------------------------------


def test_landing_shows_the_three_questions_with_their_chapters(client, kompas):
    content = text_of(client.get(kompas.url))
    for code, label in (("wat", "What?"), ("hoe", "How?"), ("met-wie", "With whom?")):
        assert f'id="{code}"' in content
        assert f">{ui(label)}</h3>" in content
    questions = content.split('id="wat"', 1)[1].split('id="kompas-kader-heading"', 1)[0]
    assert (
        questions.index("Aard en omvang") < questions.index("Rollen") < questions.index("Partners")
    )


def test_landing_lists_the_five_themes_and_two_plateaus_linked_to_the_finder(client, kompas):
    content = text_of(client.get(kompas.url))
    kader = content.split('id="kompas-kader-heading"', 1)[1].split('id="finder"', 1)[0]
    for theme in KaderTheme.objects.filter(locale=kompas.locale):
        assert (
            f'<li value="{theme.number}"><a href="{kompas.url}?theme={theme.code}#finder">{theme.name}</a>'
            in kader
        )
    assert kader.count("?plateau=") == 2
    assert "data-kompas-notes-overview" in content


# --- Languages ---------------------------------------------------------------------------------


def test_an_untranslated_term_is_shown_in_its_own_language(
    client, kompas, site_context, django_capture_on_commit_callbacks
):
    """Terms follow the page into English; one without a translation is marked lang="nl"."""
    from comensha_content.core.translation import translate_instance

    en = site_context.target_locale
    awareness = KaderTheme.objects.get(code="awareness", locale=kompas.locale)
    english = awareness.copy_for_translation(en)
    english.name = "Awareness"
    english.save()
    chapter = kompas.chapters[1]
    chapter.kader_themes = KaderTheme.objects.filter(
        code__in=["awareness", "policy-foundation"], locale=kompas.locale
    )
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()
        translate_instance(kompas, en, lambda text: text)
        english_chapter = translate_instance(chapter, en, lambda text: f"EN {text}")
    content = text_of(client.get(english_chapter.url))
    policy = KaderTheme.objects.get(code="policy-foundation", locale=kompas.locale)
    assert f'<li lang="nl">1. {policy.name}</li>' in content
    assert "<li>3. Awareness</li>" in content


def test_card_of_a_chapter_without_sections(client, kompas):
    """A card of a chapter without sections still renders its title and summary."""
    chapter = kompas.chapters[2]
    chapter.body = []
    chapter.save_revision().publish()
    content = text_of(client.get(chapter.url + "card/"))
    assert chapter.summary in content


def test_a_draft_page_has_no_card(client, kompas):
    draft = InstrumentPage.objects.get(slug="concept-instrument")
    assert client.get(f"{kompas.url}concept-instrument/card/").status_code == 404
    assert not draft.live


def test_card_preview_mode_for_editors(kompas):
    chapter = kompas.chapters[1]
    assert ("card", ui("Card")) in [(mode, str(label)) for mode, label in chapter.preview_modes]
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = chapter.serve_preview(request, "card")
    response.render()
    assert 'id="kompas-card-title"' in response.content.decode()
