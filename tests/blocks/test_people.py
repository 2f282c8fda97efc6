"""People in stories: testimonies under (changed) names and professionals' perspectives."""

import pytest
from django.test import override_settings
from django.utils import translation

from comensha_content.blocks import PullQuoteBlock, people
from tests.helpers import child_errors, soup, text_of

pytestmark = pytest.mark.django_db

TESTIMONY = {
    "name": "Lisa",
    "is_pseudonym": True,
    "speaker": "victim",
    "text": "<p>Ik dacht dat hij mijn vriend was.</p>",
}


def test_testimony_marks_a_changed_name_with_an_asterisk_and_a_note():
    block = people.TestimonyBlock()
    with translation.override("en"):
        html = soup(block.render(block.to_python(TESTIMONY)))
    figure = html.find("figure", class_="cc-testimony")
    assert text_of(figure.find("blockquote")) == "Ik dacht dat hij mijn vriend was."
    name = figure.find("span", class_="cc-testimony__name")
    assert text_of(name) == "Lisa*"
    assert name.find("span", class_="cc-pseudonym-marker")["aria-hidden"] == "true"
    note = figure.find("small", class_="cc-testimony__pseudonym-note")
    assert text_of(note) == "* Name changed to protect their identity"


def test_testimony_with_a_real_name_has_no_marker():
    block = people.TestimonyBlock()
    value = block.to_python({**TESTIMONY, "name": "Jessica", "is_pseudonym": False})
    html = soup(block.render(value))
    assert text_of(html.find("span", class_="cc-testimony__name")) == "Jessica"
    assert "*" not in text_of(html)
    assert html.find("small") is None


def test_testimony_is_a_pseudonym_by_default():
    assert people.TestimonyBlock().child_blocks["is_pseudonym"].get_default() is True


@override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="db_html")
def test_testimony_api_representation():
    block = people.TestimonyBlock()
    with translation.override("en"):
        data = block.get_api_representation(block.to_python(TESTIMONY))
    assert data == {
        "name": "Lisa",
        "is_pseudonym": True,
        "display_name": "Lisa*",
        "pseudonym_note": "Name changed to protect their identity",
        "speaker": "victim",
        "speaker_label": "Victim",
        "text": "<p>Ik dacht dat hij mijn vriend was.</p>",
    }


def test_testimony_requires_a_shown_name_and_a_known_speaker():
    errors = child_errors(people.TestimonyBlock(), {**TESTIMONY, "name": " ", "speaker": "boss"})
    assert errors["name"] == ["Enter the name shown with this testimony (usually a changed name)."]
    assert list(errors) == ["name", "speaker"]


PERSPECTIVE = {
    "domain": "Handhaving",
    "name": "Mark",
    "job_title": "Arbeidsinspecteur",
    "organisation": "Inspectie SZW",
    "text": "<p>Bij een controle zagen we matrassen in de loods.</p>",
}


def test_perspective_is_an_aside_headed_by_domain_name_and_job_title():
    block = people.ProfessionalPerspectiveBlock()
    html = soup(block.render(block.to_python(PERSPECTIVE), {"id": "abc"}))
    aside = html.find("aside", class_="cc-perspective")
    heading = aside.find("h3")
    assert text_of(heading) == "Handhaving: Mark, Arbeidsinspecteur, Inspectie SZW"
    assert heading.find("span", class_="cc-perspective__domain").text == "Handhaving"
    assert aside["aria-labelledby"] == heading["id"] == "cc-perspective-abc-heading"
    assert "matrassen" in text_of(aside.find("div", class_="cc-perspective__text"))


@override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="db_html")
def test_perspective_api_representation():
    block = people.ProfessionalPerspectiveBlock()
    value = block.to_python({**PERSPECTIVE, "organisation": ""})
    assert block.get_api_representation(value) == {
        "domain": "Handhaving",
        "name": "Mark",
        "job_title": "Arbeidsinspecteur",
        "organisation": "",
        "heading": "Handhaving: Mark, Arbeidsinspecteur",
        "text": "<p>Bij een controle zagen we matrassen in de loods.</p>",
    }


def test_perspective_requires_domain_name_and_job_title():
    errors = child_errors(
        people.ProfessionalPerspectiveBlock(),
        {**PERSPECTIVE, "domain": "", "name": "", "job_title": ""},
    )
    assert errors == {
        "domain": ["Enter the professional's domain, e.g. 'Enforcement'."],
        "name": ["Enter the professional's name."],
        "job_title": ["Enter the professional's job title, e.g. 'Labour inspector'."],
    }


# --- One wording for changed names: testimony, pull quote and a story's narrator --------------

PULL_QUOTE = {
    "quote": "Ik durfde niemand te vertrouwen.",
    "attribution_name": "Sara",
    "attribution_is_pseudonym": True,
    "attribution_role": "slachtoffer van arbeidsuitbuiting",
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_pull_quote_marks_a_changed_name_like_a_testimony(language):
    with translation.override(language):
        quote_html = soup(PullQuoteBlock().render(PullQuoteBlock().to_python(PULL_QUOTE)))
        testimony_html = soup(
            people.TestimonyBlock().render(
                people.TestimonyBlock().to_python({**TESTIMONY, "name": "Sara"})
            )
        )
    caption = quote_html.find("figcaption", class_="cc-pull-quote__attribution")
    name = caption.find("span", class_="cc-pull-quote__name")
    assert text_of(name) == text_of(testimony_html.find("span", class_="cc-testimony__name"))
    assert text_of(name) == "Sara*"
    assert name.find("span", class_="cc-pseudonym-marker")["aria-hidden"] == "true"
    quote_note = caption.find("small", class_="cc-pull-quote__pseudonym-note")
    testimony_note = testimony_html.find("small", class_="cc-testimony__pseudonym-note")
    assert text_of(quote_note) == text_of(testimony_note)
    expected = {
        "nl": "* Naam gewijzigd om de identiteit te beschermen",
        "en": "* Name changed to protect their identity",
    }
    assert text_of(quote_note) == expected[language]
    assert text_of(caption).startswith("Sara*, slachtoffer van arbeidsuitbuiting")


def test_pull_quote_with_a_real_name_or_without_a_name_has_no_marker():
    block = PullQuoteBlock()
    real = {**PULL_QUOTE, "attribution_is_pseudonym": False}
    html = soup(block.render(block.to_python(real)))
    assert text_of(html.find("figcaption")) == "Sara, slachtoffer van arbeidsuitbuiting"
    assert html.find("small") is None
    # The flag without a name marks nothing (there is no name to mark)
    nameless = {**PULL_QUOTE, "attribution_name": ""}
    html = soup(block.render(block.to_python(nameless)))
    assert text_of(html.find("figcaption")) == "slachtoffer van arbeidsuitbuiting"
    assert html.find("small") is None


def test_pull_quote_stored_before_the_flag_shows_the_name_unmarked():
    block = PullQuoteBlock()
    old = {key: value for key, value in PULL_QUOTE.items() if key != "attribution_is_pseudonym"}
    value = block.to_python(old)
    assert text_of(soup(block.render(value)).find("figcaption")).startswith("Sara,")
    assert block.get_api_representation(value)["attribution_is_pseudonym"] is False
    assert block.child_blocks["attribution_is_pseudonym"].get_default() is False


def test_pull_quote_api_gives_the_printed_name_and_note():
    block = PullQuoteBlock()
    with translation.override("en"):
        data = block.get_api_representation(block.to_python(PULL_QUOTE))
    assert data == {
        "quote": "Ik durfde niemand te vertrouwen.",
        "attribution_name": "Sara",
        "attribution_is_pseudonym": True,
        "attribution_role": "slachtoffer van arbeidsuitbuiting",
        "attribution": "Sara*, slachtoffer van arbeidsuitbuiting",
        "display_name": "Sara*",
        "pseudonym_note": "Name changed to protect their identity",
    }


def test_testimony_block_and_its_text_have_different_labels():
    block = people.TestimonyBlock()
    with translation.override("nl"):
        labels = (str(block.label), str(block.child_blocks["text"].label))
    assert labels == ("Ervaringsverhaal", "In eigen woorden")


def test_pull_quote_past_200_characters_warns_and_still_validates():
    """The quote field counts characters (soft-limit.js) and warns past 200; saving works."""
    block = PullQuoteBlock()
    quote_field = block.child_blocks["quote"]
    with translation.override("nl"):
        html = soup(quote_field.field.widget.render("quote", "x"))
    textarea = html.find("textarea")
    assert textarea["data-cc-soft-limit"] == "200"
    assert textarea["data-cc-soft-limit-count"] == "%(count)s van %(limit)s tekens"
    assert textarea["data-cc-soft-limit-warning"].startswith("Langer dan %(limit)s tekens")
    assert "comensha_content/blocks/soft-limit.js" in str(quote_field.field.widget.media)
    long_quote = {**PULL_QUOTE, "quote": "Ik durfde niemand te vertrouwen. " * 10}
    assert len(long_quote["quote"]) > 300
    assert child_errors(block, long_quote) == {}
