"""Text blocks: chapters, paragraphs, pull quotes and questions-and-answers."""

import pytest
from django.test import override_settings
from wagtail.blocks.struct_block import StructBlockValidationError

from comensha_content.blocks import (
    PARAGRAPH_FEATURES,
    AccordionBlock,
    ChapterBlock,
    ParagraphBlock,
    PullQuoteBlock,
)
from tests.helpers import child_errors, soup, text_of


def test_chapter_renders_a_heading_with_its_anchor_and_intro():
    block = ChapterBlock()
    value = block.to_python({"heading": "Hoe het begon", "intro": "Lisa was 17.", "anchor": ""})
    html = soup(block.render(value))
    heading = html.find("h2")
    assert text_of(heading) == "Hoe het begon"
    assert heading["id"] == "hoe-het-begon"
    assert text_of(html.find("p", class_="cc-chapter__intro")) == "Lisa was 17."


def test_chapter_editor_anchor_wins_over_the_heading():
    block = ChapterBlock()
    value = block.to_python({"heading": "Hoe het begon", "intro": "", "anchor": "begin"})
    assert value.anchor_id == "begin"
    assert soup(block.render(value)).find("h2")["id"] == "begin"
    assert soup(block.render(value)).find("p") is None  # no empty intro paragraph


def test_chapter_anchor_keeps_non_latin_words():
    value = ChapterBlock().to_python({"heading": "كيف بدأ الأمر", "intro": "", "anchor": ""})
    assert value.anchor_id == "كيف-بدأ-الأمر"


def test_chapter_api_representation():
    block = ChapterBlock()
    value = block.to_python({"heading": "Hoe het begon", "intro": "Intro", "anchor": ""})
    assert block.get_api_representation(value) == {
        "heading": "Hoe het begon",
        "intro": "Intro",
        "anchor": "hoe-het-begon",
    }


def test_chapter_heading_must_not_be_empty_or_whitespace():
    block = ChapterBlock()
    for heading in ("", "   \t "):
        errors = child_errors(block, {"heading": heading, "intro": "", "anchor": ""})
        assert errors == {
            "heading": ["Give the chapter a heading; it is shown in the table of contents."]
        }


def test_chapter_anchor_must_be_a_slug():
    errors = child_errors(ChapterBlock(), {"heading": "Begin", "intro": "", "anchor": "het begin!"})
    assert list(errors) == ["anchor"]
    assert "without spaces" in errors["anchor"][0]


def test_paragraph_features_are_limited():
    assert PARAGRAPH_FEATURES == ["bold", "italic", "link", "ol", "ul"]
    assert ParagraphBlock().features == PARAGRAPH_FEATURES


def test_paragraph_renders_rich_text_and_footnote_links():
    block = ParagraphBlock()
    value = block.to_python('<p>Naar schatting <b>5000</b> slachtoffers<a href="#fn-1">1</a>.</p>')
    html = soup(block.render(value))
    assert html.find("div", class_="cc-paragraph").find("b").text == "5000"
    assert html.find("a")["href"] == "#fn-1"


@override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="html")
def test_paragraph_api_follows_rich_text_format_setting(db):
    block = ParagraphBlock()
    value = block.to_python('<p>Zie <a href="https://www.comensha.nl/">CoMensha</a>.</p>')
    assert block.get_api_representation(value) == (
        '<p>Zie <a href="https://www.comensha.nl/">CoMensha</a>.</p>'
    )


def test_paragraph_api_rich_text_format_from_the_api_layer(db):
    block = ParagraphBlock()
    db_html = '<p>Lees <a linktype="page" id="999999">dit</a>.</p>'
    value = block.to_python(db_html)
    with override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="html"):
        # the API layer passes ?rich_text_format=db_html through the serialiser context
        assert block.get_api_representation(value, {"rich_text_format": "db_html"}) == db_html
        # expanded: a link to a missing page loses its target instead of leaking the id
        assert 'linktype="page"' not in block.get_api_representation(value)


def test_pull_quote_renders_a_figure_with_attribution():
    block = PullQuoteBlock()
    value = block.to_python(
        {
            "quote": "Alleen samen kunnen we mensenhandel aanpakken.",
            "attribution_name": "Ina Hut",
            "attribution_role": "directeur-bestuurder CoMensha",
        }
    )
    html = soup(block.render(value))
    figure = html.find("figure", class_="cc-pull-quote")
    assert text_of(figure.find("blockquote")) == "Alleen samen kunnen we mensenhandel aanpakken."
    assert text_of(figure.find("figcaption")) == "Ina Hut, directeur-bestuurder CoMensha"
    assert block.get_api_representation(value) == {
        "quote": "Alleen samen kunnen we mensenhandel aanpakken.",
        "attribution_name": "Ina Hut",
        "attribution_is_pseudonym": False,
        "attribution_role": "directeur-bestuurder CoMensha",
        "attribution": "Ina Hut, directeur-bestuurder CoMensha",
        "display_name": "Ina Hut",
        "pseudonym_note": "",
    }


def test_pull_quote_without_attribution_has_no_empty_caption():
    block = PullQuoteBlock()
    value = block.to_python({"quote": "Wie zijn mond opentrekt, raakt zijn baan kwijt."})
    assert soup(block.render(value)).find("figcaption") is None


@override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="db_html")
def test_accordion_renders_details_and_summary(db):
    block = AccordionBlock()
    value = block.to_python(
        {
            "heading": "Veelgestelde vragen",
            "items": [
                {"question": "Wat is mensenhandel?", "answer": "<p>Uitbuiting van mensen.</p>"},
                {"question": "Wie helpt?", "answer": "<p>CoMensha.</p>"},
            ],
        }
    )
    html = soup(block.render(value))
    assert text_of(html.find("h2")) == "Veelgestelde vragen"
    details = html.find_all("details")
    assert [text_of(d.find("summary")) for d in details] == ["Wat is mensenhandel?", "Wie helpt?"]
    assert (
        text_of(details[0].find("div", class_="cc-accordion__answer")) == "Uitbuiting van mensen."
    )
    assert block.get_api_representation(value) == {
        "heading": "Veelgestelde vragen",
        "items": [
            {"question": "Wat is mensenhandel?", "answer": "<p>Uitbuiting van mensen.</p>"},
            {"question": "Wie helpt?", "answer": "<p>CoMensha.</p>"},
        ],
    }


def test_accordion_question_and_answer_are_required():
    block = AccordionBlock()
    value = block.to_python({"heading": "", "items": [{"question": " ", "answer": ""}]})
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    item_errors = raised.value.block_errors["items"].block_errors[0].block_errors
    assert item_errors["question"].messages == ["Enter the question."]
    assert item_errors["answer"].messages == ["Enter the answer."]
