"""Helplines in the reader's language, and content warnings the reader opens."""

import uuid

import pytest
from django.test import override_settings
from django.utils import translation

from comensha_content.blocks import ContentWarningBlock, HelplineBlock
from comensha_content.core.translation import translate_instance
from comensha_content.models import Helpline
from tests.helpers import child_errors, soup, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def helplines(block_locales):
    comensha = Helpline.objects.create(
        locale=block_locales["nl"],
        name="CoMensha",
        phone_number="033 448 11 86",
        hours="ma-vr 09.00-17.00 uur",
        email="info@comensha.nl",
    )
    inspectie = Helpline.objects.create(
        locale=block_locales["nl"],
        name="Nederlandse Arbeidsinspectie",
        phone_number="0800 5151",
        phone_number_abroad="+31 70 333 44 44",
    )
    anonymous = Helpline.objects.create(
        locale=block_locales["nl"],
        name="Meld Misdaad Anoniem",
        phone_number="0800-7000",
        anonymous=True,
    )
    return comensha, inspectie, anonymous


def helpline_value(helplines):
    return HelplineBlock().to_python(
        {"heading": "Hulp nodig?", "helplines": [helpline.pk for helpline in helplines]}
    )


def test_helplines_render_tap_to_call_numbers_hours_and_anonymity(helplines):
    block = HelplineBlock()
    with translation.override("nl"):
        html = soup(block.render(helpline_value(helplines), {"id": "h1"}))
    section = html.find("section", class_="cc-helplines")
    assert section["aria-labelledby"] == "cc-helplines-h1-heading"
    assert text_of(section.find(id="cc-helplines-h1-heading")) == "Hulp nodig?"
    items = section.find_all("li")
    assert [text_of(item.find("h3")) for item in items] == [
        "CoMensha",
        "Nederlandse Arbeidsinspectie",
        "Meld Misdaad Anoniem",
    ]
    phone = items[0].find("a", href=lambda href: href.startswith("tel:"))
    assert (phone["href"], text_of(phone)) == ("tel:0334481186", "033 448 11 86")
    assert text_of(items[0].find("p", class_="cc-helpline__hours")) == "ma-vr 09.00-17.00 uur"
    assert items[0].find("a", href="mailto:info@comensha.nl")
    abroad = items[1].find("p", class_="cc-helpline__phone-abroad").find("a")
    assert abroad["href"] == "tel:+31703334444"
    assert items[2].find("a")["href"] == "tel:08007000"
    assert items[2].find("p", class_="cc-helpline__anonymous")
    assert items[0].find("p", class_="cc-helpline__anonymous") is None


def test_helplines_are_shown_in_the_readers_language_with_a_visible_fallback(
    helplines, block_locales
):
    comensha, inspectie, _anonymous = helplines
    translate_instance(
        comensha,
        block_locales["en"],
        {"CoMensha": "CoMensha", "ma-vr 09.00-17.00 uur": "Mon-Fri 9 am to 5 pm"},
    )
    block = HelplineBlock()
    value = helpline_value([comensha, inspectie])
    with translation.override("en"):
        html = soup(block.render(value))
        data = block.get_api_representation(value)
    translated, fallback = html.find_all("li")
    assert text_of(translated.find("p", class_="cc-helpline__hours")) == "Mon-Fri 9 am to 5 pm"
    assert translated.find(attrs={"lang": True}) is None
    assert text_of(fallback.find("h3")) == "Nederlandse Arbeidsinspectie (in Dutch)"
    assert fallback.find("h3").find("span")["lang"] == "nl"

    english = Helpline.objects.get(
        translation_key=comensha.translation_key, locale__language_code="en"
    )
    assert data["heading"] == "Hulp nodig?"
    assert data["helplines"][0] == {
        "id": english.pk,
        "locale": "en",
        "name": "CoMensha",
        "phone_number": "033 448 11 86",
        "phone_number_abroad": "",
        "hours": "Mon-Fri 9 am to 5 pm",
        "email": "info@comensha.nl",
        "url": "",
        "description": "",
        "anonymous": False,
        "emergency": False,
        "is_fallback": False,
        "phone_href": "tel:0334481186",
        "phone_abroad_href": "",
    }
    assert data["helplines"][1]["locale"] == "nl"
    assert data["helplines"][1]["is_fallback"] is True
    assert data["helplines"][1]["phone_abroad_href"] == "tel:+31703334444"


def test_helpline_block_needs_a_heading_and_a_helpline(helplines):
    errors = child_errors(HelplineBlock(), {"heading": " ", "helplines": []})
    assert errors["heading"] == ["Give the helplines a heading, e.g. 'Need help?'."]
    assert list(errors) == ["heading", "helplines"]


def warning_value(**overrides):
    return ContentWarningBlock().to_python(
        {
            "topic": "seksueel geweld",
            "body": [
                {
                    "type": "paragraph",
                    "value": "<p>Wat er die nacht gebeurde.</p>",
                    "id": str(uuid.uuid4()),
                },
                {
                    "type": "testimony",
                    "value": {
                        "name": "Lisa",
                        "is_pseudonym": True,
                        "speaker": "victim",
                        "text": "<p>Ik was bang.</p>",
                    },
                    "id": str(uuid.uuid4()),
                },
            ],
            **overrides,
        }
    )


def test_content_warning_shows_the_warning_before_the_content():
    block = ContentWarningBlock()
    with translation.override("en"):
        html = soup(block.render(warning_value(), {"id": "w1"}))
    section = html.find("section", class_="cc-content-warning")
    notice = section.find("p", class_="cc-content-warning__notice")
    assert text_of(notice) == "Content warning: seksueel geweld"
    button = section.find("button")
    assert button["type"] == "button"
    assert button["aria-expanded"] == "false"
    assert button["aria-controls"] == "cc-warning-w1-content"
    assert text_of(button) == "Content warning: seksueel geweld — Show"
    content = section.find(id="cc-warning-w1-content")
    # without JS the content is readable after the warning: blocks.js hides it
    assert not content.has_attr("hidden")
    assert "Wat er die nacht gebeurde." in text_of(content)
    assert text_of(content.find("span", class_="cc-testimony__name")) == "Lisa*"
    # the controls (button, remember) appear only when blocks.js runs
    controls = section.find(attrs={"data-cc-warning-controls": True})
    assert controls.has_attr("hidden")
    checkbox = controls.find("input", type="checkbox")
    assert not checkbox.has_attr("checked")  # remembering is opt-in
    assert text_of(checkbox.find_parent("label")) == "Remember in this tab"
    # all in the reading order: warning first
    assert str(section).index("cc-content-warning__notice") < str(section).index("nacht gebeurde")


@override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="db_html")
def test_content_warning_api_representation():
    block = ContentWarningBlock()
    value = warning_value()
    with translation.override("en"):
        data = block.get_api_representation(value)
    assert data["topic"] == "seksueel geweld"
    assert data["warning"] == "Content warning: seksueel geweld"
    assert [(item["type"], item["id"]) for item in data["body"]] == [
        ("paragraph", value["body"][0].id),
        ("testimony", value["body"][1].id),
    ]
    assert data["body"][0]["value"] == "<p>Wat er die nacht gebeurde.</p>"
    assert data["body"][1]["value"]["display_name"] == "Lisa*"


def test_content_warning_needs_a_topic_and_offers_only_a_few_blocks():
    errors = child_errors(ContentWarningBlock(), {"topic": "  ", "body": []})
    assert errors["topic"] == ["Name the topic readers are warned about, e.g. 'sexual violence'."]
    body_block = ContentWarningBlock().child_blocks["body"]
    assert list(body_block.child_blocks) == ["paragraph", "pull_quote", "testimony", "image"]
