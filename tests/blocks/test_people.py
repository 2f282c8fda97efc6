"""People in stories: testimonies under (changed) names and professionals' perspectives."""

import pytest
from django.test import override_settings
from django.utils import translation

from comensha_content.blocks import people
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
