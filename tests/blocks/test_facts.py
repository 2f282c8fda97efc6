"""Facts with sources (numbers formatted per language) and timelines."""

import datetime
from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils import timezone, translation

from comensha_content.blocks import FactBlock, FactsBlock, TimelineBlock
from tests.helpers import child_errors, soup, text_of

pytestmark = pytest.mark.django_db

RANGE = {
    "value": "5000",
    "maximum": "7500",
    "unit": "",
    "label": "slachtoffers van mensenhandel per jaar (schatting)",
    "source_title": "Nationaal Rapporteur Mensenhandel",
    "source_url": "https://www.nationaalrapporteur.nl/",
    "year": 2021,
}


@pytest.mark.parametrize(("language", "expected"), [("nl", "5.000–7.500"), ("en", "5,000–7,500")])
def test_fact_range_is_formatted_for_the_language(language, expected):
    block = FactBlock()
    value = block.to_python(RANGE)
    with translation.override(language):
        html = soup(block.render(value))
        data = block.get_api_representation(value)
    assert text_of(html.find("span", class_="cc-fact__number")) == expected
    assert data["display"] == expected
    assert (data["value"], data["maximum"]) == (5000, 7500)


@pytest.mark.parametrize(("language", "expected"), [("nl", "1.234,5"), ("en", "1,234.5")])
def test_fact_decimal_is_formatted_for_the_language(language, expected):
    block = FactBlock()
    value = block.to_python({**RANGE, "value": "1234.50", "maximum": None})
    with translation.override(language):
        assert value.display == expected
        assert block.get_api_representation(value)["value"] == 1234.5


def test_fact_renders_number_label_and_source_with_year():
    block = FactBlock()
    with translation.override("nl"):
        html = soup(block.render(block.to_python({**RANGE, "value": "791", "maximum": None})))
    figure = html.find("figure", class_="cc-fact")
    assert text_of(figure.find("span", class_="cc-fact__number")) == "791"
    assert text_of(figure.find("p", class_="cc-fact__label")) == RANGE["label"]
    source = figure.find("figcaption")
    assert source.find("a")["href"] == "https://www.nationaalrapporteur.nl/"
    assert text_of(source).endswith("Nationaal Rapporteur Mensenhandel, 2021")  # no "2.021"


def test_fact_api_representation():
    block = FactBlock()
    with translation.override("en"):
        data = block.get_api_representation(block.to_python({**RANGE, "unit": "%"}))
    assert data == {
        "value": 5000,
        "maximum": 7500,
        "display": "5,000–7,500",
        "unit": "%",
        "label": RANGE["label"],
        "source": {
            "title": "Nationaal Rapporteur Mensenhandel",
            "url": "https://www.nationaalrapporteur.nl/",
            "year": 2021,
        },
    }


@pytest.mark.parametrize("maximum", ["4000", "5000"])
def test_fact_range_must_go_up(maximum):
    errors = child_errors(FactBlock(), {**RANGE, "maximum": maximum})
    assert errors == {
        "maximum": [
            f"The upper end ({maximum}) must be larger than the number (5000). "
            "Leave it empty for a single number."
        ]
    }


def test_fact_year_must_not_be_in_the_future():
    next_year = timezone.localdate().year + 1
    errors = child_errors(FactBlock(), {**RANGE, "year": next_year})
    assert errors == {
        "year": [f"The year {next_year} is in the future. Enter a year up to {next_year - 1}."]
    }
    assert child_errors(FactBlock(), {**RANGE, "year": next_year - 1}) == {}


def test_fact_year_must_be_plausible():
    assert child_errors(FactBlock(), {**RANGE, "year": 201}) == {
        "year": ["Enter a year from 1800 on."]
    }


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "ftp://x.nl/a"]
)
def test_fact_source_url_must_be_a_web_address(url):
    errors = child_errors(FactBlock(), {**RANGE, "source_url": url})
    assert errors == {
        "source_url": [
            "Enter a web address that starts with https:// or http://. Other kinds of links, "
            "such as javascript:, are not allowed."
        ]
    }


def test_fact_needs_a_number_a_label_and_a_source():
    errors = child_errors(FactBlock(), {**RANGE, "value": None, "label": "", "source_title": " "})
    assert errors["label"] == ["Say what the number counts, e.g. 'victims a year'."]
    assert errors["source_title"] == ["Name the source of this fact."]
    assert list(errors) == ["value", "label", "source_title"]


def test_facts_block_is_a_list_of_facts():
    block = FactsBlock()
    value = block.to_python([RANGE, {**RANGE, "value": "791", "maximum": None}])
    with translation.override("nl"):
        html = soup(block.render(value))
        data = block.get_api_representation(value)
    items = html.find("ul", class_="cc-facts").find_all("li", recursive=False)
    assert [text_of(item.find("span", class_="cc-fact__number")) for item in items] == [
        "5.000–7.500",
        "791",
    ]
    assert [fact["display"] for fact in data] == ["5.000–7.500", "791"]


TIMELINE = [
    {
        "date": "2019-05-01",
        "date_label": "",
        "title": "Geworven",
        "text": "<p>Via een vacature.</p>",
    },
    {"date": None, "date_label": "Zomer 2020", "title": "Gemeld bij CoMensha", "text": ""},
]


@override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="db_html")
def test_timeline_renders_an_ordered_list_with_dates_per_language():
    block = TimelineBlock()
    value = block.to_python(TIMELINE)
    with translation.override("nl"):
        html = soup(block.render(value))
    items = html.find("ol", class_="cc-timeline").find_all("li", recursive=False)
    time = items[0].find("time")
    assert (time["datetime"], text_of(time)) == ("2019-05-01", "1 mei 2019")
    assert text_of(items[0].find("h3")) == "Geworven"
    assert text_of(items[1].find(class_="cc-timeline__date")) == "Zomer 2020"
    assert items[1].find("time") is None
    with translation.override("en"):
        assert block.get_api_representation(value) == [
            {
                "date": "2019-05-01",
                "date_label": "",
                "display_date": "May 1, 2019",
                "title": "Geworven",
                "text": "<p>Via een vacature.</p>",
            },
            {
                "date": None,
                "date_label": "Zomer 2020",
                "display_date": "Zomer 2020",
                "title": "Gemeld bij CoMensha",
                "text": "",
            },
        ]


def test_timeline_moment_needs_a_date_or_a_description():
    item_block = TimelineBlock().child_block
    errors = child_errors(item_block, {"date": None, "date_label": "", "title": "X", "text": ""})
    assert errors == {"date": ["Give a date, or describe when it happened under 'When'."]}
    assert child_errors(item_block, {**TIMELINE[0], "date": datetime.date(2019, 5, 1)}) == {}


def test_decimal_numbers_keep_their_precision_in_json():
    value = FactBlock().to_python({**RANGE, "value": "12.125", "maximum": None})
    assert FactBlock().get_api_representation(value)["value"] == 12.125
    assert value["value"] == Decimal("12.125")
