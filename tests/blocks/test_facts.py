"""Facts with sources (numbers formatted per language) and timelines."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone, translation
from wagtail.blocks.struct_block import StructBlockValidationError

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


# --- Numbers as editors type them (comensha_content.blocks.numbers) ----------------------------


def typed_errors(fields):
    """``{child: [messages]}`` of a fact as the admin form posts it (every field as text)."""
    block = FactBlock()
    data = {f"fact-{name}": "" if value is None else str(value) for name, value in fields.items()}
    try:
        block.clean(block.value_from_datadict(data, {}, "fact"))
    except StructBlockValidationError as error:
        return {name: list(child.messages) for name, child in error.block_errors.items()}
    return {}


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("1500", Decimal("1500")),
        ("1,5", Decimal("1.5")),
        ("1.5", Decimal("1.5")),
        ("12,75", Decimal("12.75")),
        ("1.500,5", Decimal("1500.5")),
        ("1,500.5", Decimal("1500.5")),
        ("1.500.000", Decimal("1500000")),
        ("1,500,000", Decimal("1500000")),
        ("1 500 000", Decimal("1500000")),
        ("1\u00a0500", Decimal("1500")),
        ("0,125", Decimal("0.125")),  # a group of thousands never starts with 0
        ("1500.250", Decimal("1500.25")),  # nor has four digits
        ("12,1250", Decimal("12.125")),  # four decimals: no doubt
        ("-2,5", Decimal("-2.5")),
        (" 791 ", Decimal("791")),
    ],
)
def test_typed_number_is_read_the_same_in_every_interface_language(typed, number):
    field = FactBlock().child_blocks["value"]
    for language in ("nl", "en"):
        with translation.override(language):
            assert field.clean(typed) == number
            assert str(field.clean(typed)) == str(
                number
            )  # stored canonically: "1500", not "1.5E+3"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "1.500",
            "“1.500” could be 1500 or 1.5. Type 1500 for the whole number, or 1.5 for the "
            "number with decimals.",
        ),
        (
            "1,500",
            "“1,500” could be 1500 or 1,5. Type 1500 for the whole number, or 1,5 for the "
            "number with decimals.",
        ),
        (
            "12.125",
            "“12.125” could be 12125 or 12.1250. Type 12125 for the whole number, or 12.1250 "
            "for the number with decimals.",
        ),
        ("veel", "Enter a number, such as 1500 or 12.5."),
        ("5 à 6", "Enter a number, such as 1500 or 12.5."),
        (
            "1.50.0",
            "Group thousands in threes, as in 1,500,000, or type the number without "
            "separators: 1500000.",
        ),
        (
            "1.5,3",
            "Group thousands in threes, as in 1,500,000, or type the number without "
            "separators: 1500000.",
        ),
    ],
)
def test_ambiguous_or_wrong_number_is_refused_with_what_to_type(typed, message):
    assert typed_errors({**RANGE, "value": typed}) == {"value": [message]}


def test_dutch_message_for_an_ambiguous_number():
    with translation.override("nl"):
        errors = typed_errors({**RANGE, "value": "1.500"})
    assert errors == {
        "value": [
            "„1.500” kan 1500 of 1.5 betekenen. Typ 1500 voor het hele getal, of 1.5 voor het "
            "getal met decimalen."
        ]
    }


def test_clean_raises_a_validation_error_for_text_that_is_no_number():
    """What an API write does: to_python on the JSON value, then clean (never a 500)."""
    from django.core.exceptions import ValidationError

    field = FactBlock().child_blocks["value"]
    with pytest.raises(ValidationError) as raised:
        field.clean(field.to_python("veel"))
    assert raised.value.messages == ["Enter a number, such as 1500 or 12.5."]
    with pytest.raises(ValidationError):
        field.clean(field.to_python(["5000"]))  # no value: "This field is required."


@pytest.mark.skipif(not settings.WAGTAIL_8, reason="API v3 writes exist on Wagtail 8 only")
def test_api_v3_write_of_a_fact_gets_the_number_message():
    """API v3 flattens JSON into form data with Wagtail's own code, then cleans the form."""
    from wagtail.api.v3.form_data import flatten_block_value

    block = FactBlock()
    data = {}
    flatten_block_value(block, {**RANGE, "value": "veel", "maximum": 0.1}, "fact", data)
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.value_from_datadict(data, {}, "fact"))
    assert list(raised.value.block_errors) == ["value"]
    assert raised.value.block_errors["value"].messages == ["Enter a number, such as 1500 or 12.5."]
    data = {}
    flatten_block_value(block, {**RANGE, "value": 0.1, "maximum": "1.500"}, "fact", data)
    value = block.clean(block.value_from_datadict(data, {}, "fact"))
    # JSON numbers and strings are machine numbers: 0.1 exactly, "1.500" is 1.5
    assert (value["value"], value["maximum"]) == (Decimal("0.1"), Decimal("1.5"))


@pytest.mark.parametrize(
    ("stored", "nl", "en"),
    [
        ("5000", "5000", "5000"),
        ("1.5", "1,5", "1.5"),
        ("12.125", "12,1250", "12.1250"),  # never the ambiguous 12,125
        ("0.125", "0,125", "0.125"),
    ],
)
def test_stored_number_is_edited_in_a_form_that_saves_it_unchanged(stored, nl, en):
    field = FactBlock().child_blocks["value"]
    number = field.to_python(stored)
    for language, shown in (("nl", nl), ("en", en)):
        with translation.override(language):
            assert field.get_form_state(number) == shown
            assert field.clean(field.get_form_state(number)) == Decimal(stored)


def test_stored_number_that_is_no_number_renders_nothing():
    """An import may have stored "veel": the fact shows no number, not an error page."""
    block = FactBlock()
    value = block.to_python({**RANGE, "value": "veel", "maximum": None})
    assert value.display == ""
    assert block.get_api_representation(value)["value"] is None
    assert soup(block.render(value)).find("span", class_="cc-fact__number") is not None


def test_fact_number_input_is_a_text_field_for_decimal_keyboards():
    """A browser's number input rejects "12,5" and reads "1.500" as 1.5 before we see it."""
    field = FactBlock().child_blocks["value"].field
    html = field.widget.render("value", "1,5", attrs=field.widget_attrs(field.widget))
    assert 'type="text"' in html and 'inputmode="decimal"' in html
