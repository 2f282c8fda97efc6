"""Dutch Kompas pages and their API show Dutch interface labels, whatever the reader's browser.

The labels are the literal Dutch texts (not ``gettext`` of the English ones), so a label that is
evaluated before the page's language is active, or missing from the catalog, fails here.
"""

import html

import pytest

from comensha_content.kompas.models import InstrumentPage, KompasChapterPage, KompasPage

pytestmark = pytest.mark.django_db

QUESTIONS_NL = ["Wat?", "Hoe?", "Met wie?"]
QUESTIONS_EN = ["What?", "How?", "With whom?"]
COMPETENT_BODIES_NL = [
    "Burgemeester",
    "College van burgemeester en wethouders",
    "Gemeenteraad",
]
COMPETENT_BODIES_EN = ["Municipal executive (mayor and aldermen)", "Municipal council"]


def dutch(model, locales):
    return model.objects.live().filter(locale=locales["nl"]).order_by("path")


def page_text(client, page, **extra):
    response = client.get(page.url, **extra)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("accept_language", ["nl", "en"])
def test_dutch_kompas_landing_has_dutch_questions_and_finder(
    client, demo, locales, accept_language
):
    kompas = dutch(KompasPage, locales).get()
    text = page_text(client, kompas, HTTP_ACCEPT_LANGUAGE=accept_language)
    for label in QUESTIONS_NL + COMPETENT_BODIES_NL + ["Bevoegd bestuursorgaan"]:
        assert label in text
    for label in QUESTIONS_EN + COMPETENT_BODIES_EN + ["Competent body"]:
        assert label not in text


@pytest.mark.parametrize("accept_language", ["nl", "en"])
def test_dutch_chapters_and_instruments_have_dutch_labels(client, demo, locales, accept_language):
    pages = list(dutch(KompasChapterPage, locales)) + list(dutch(InstrumentPage, locales))
    assert len(pages) >= 5
    for page in pages:
        text = page_text(client, page, HTTP_ACCEPT_LANGUAGE=accept_language)
        assert 'data-copy-label="Link kopiëren"' in text, page.url
        assert 'data-copy-label="Copy link"' not in text, page.url
        for label in QUESTIONS_EN + COMPETENT_BODIES_EN + ["Competent body"]:
            assert label not in text, (page.url, label)
    instruments = [page for page in pages if isinstance(page, InstrumentPage)]
    with_body = [page for page in instruments if page.competent_body]
    assert with_body
    for page in with_body:
        text = page_text(client, page, HTTP_ACCEPT_LANGUAGE=accept_language)
        assert "Bevoegd bestuursorgaan" in text
        expected = dict(zip(["burgemeester", "college", "raad"], COMPETENT_BODIES_NL, strict=True))
        assert f"<dd>{expected[page.competent_body]}</dd>" in text


@pytest.mark.parametrize("accept_language", ["nl", "en"])
def test_dutch_kompas_api_has_dutch_labels(client, demo, locales, accept_language):
    kompas = dutch(KompasPage, locales).get()
    data = client.get(f"/api/v2/pages/{kompas.pk}/", HTTP_ACCEPT_LANGUAGE=accept_language).json()
    assert [section["label"] for section in data["sections"]] == QUESTIONS_NL
    finder = {item["parameter"]: item for item in data["finder"]["filters"]}
    assert finder["authority"]["label"] == "Bevoegd bestuursorgaan"
    assert [option["label"] for option in finder["authority"]["options"]] == COMPETENT_BODIES_NL

    for chapter in dutch(KompasChapterPage, locales):
        data = client.get(f"/api/v2/pages/{chapter.pk}/", HTTP_ACCEPT_LANGUAGE=accept_language)
        assert data.json()["section"]["label"] in QUESTIONS_NL
    for instrument in dutch(InstrumentPage, locales).exclude(competent_body=""):
        data = client.get(f"/api/v2/pages/{instrument.pk}/", HTTP_ACCEPT_LANGUAGE=accept_language)
        assert data.json()["competent_body"]["label"] in COMPETENT_BODIES_NL


def test_english_kompas_keeps_english_labels(client, demo, locales):
    english = KompasPage.objects.get(locale=locales["en"])
    text = page_text(client, english, HTTP_ACCEPT_LANGUAGE="nl")
    for label in QUESTIONS_EN + ["Competent body"]:
        assert label in text
    for label in QUESTIONS_NL:
        assert label not in text
