"""The page's sources list and footnote anchors (#fn-<code>)."""

import pytest
from wagtail.blocks.list_block import ListBlockValidationError

from comensha_content.blocks import ParagraphBlock, SourceBlock, SourcesBlock
from tests.helpers import child_errors, soup, text_of

pytestmark = pytest.mark.django_db

RAPPORTEUR = {
    "code": "",
    "title": "Slachtoffermonitor mensenhandel 2017-2021",
    "publisher": "Nationaal Rapporteur",
    "url": "https://www.nationaalrapporteur.nl/",
    "year": 2022,
    "note": "791 gemelde slachtoffers in 2021.",
}
AANJAAGTEAM = {
    "code": "roemer",
    "title": "Geen tweederangsburgers",
    "publisher": "Aanjaagteam Bescherming Arbeidsmigranten",
    "url": "",
    "year": 2020,
    "note": "",
}


def test_sources_are_numbered_with_footnote_anchors():
    block = SourcesBlock()
    html = soup(block.render(block.to_python([RAPPORTEUR, AANJAAGTEAM])))
    section = html.find("section", class_="cc-sources")
    assert text_of(section.find("h2")) == "Sources"
    items = section.find("ol").find_all("li", recursive=False)
    assert [item["id"] for item in items] == ["fn-1", "fn-roemer"]
    first = items[0]
    assert first.find("cite").find("a")["href"] == "https://www.nationaalrapporteur.nl/"
    assert text_of(first) == (
        "Slachtoffermonitor mensenhandel 2017-2021, Nationaal Rapporteur (2022). "
        "791 gemelde slachtoffers in 2021."
    )
    assert text_of(items[1]) == (
        "Geen tweederangsburgers, Aanjaagteam Bescherming Arbeidsmigranten (2020)."
    )
    assert items[1].find("a") is None


def test_footnote_reference_in_text_points_at_its_source():
    paragraph = soup(
        ParagraphBlock().render(
            ParagraphBlock().to_python(
                '<p>791 slachtoffers<a href="#fn-1">1</a>, advies<a href="#fn-roemer">2</a>.</p>'
            )
        )
    )
    sources = soup(SourcesBlock().render(SourcesBlock().to_python([RAPPORTEUR, AANJAAGTEAM])))
    for link in paragraph.find_all("a"):
        assert sources.find(id=link["href"].removeprefix("#")) is not None


def test_sources_api_representation():
    block = SourcesBlock()
    assert block.get_api_representation(block.to_python([RAPPORTEUR, AANJAAGTEAM])) == [
        {**RAPPORTEUR, "code": "1", "anchor": "fn-1", "number": 1},
        {**AANJAAGTEAM, "code": "roemer", "anchor": "fn-roemer", "number": 2},
    ]


def test_source_api_representation_on_its_own():
    block = SourceBlock()
    assert block.get_api_representation(block.to_python(AANJAAGTEAM)) == {
        **AANJAAGTEAM,
        "anchor": "fn-roemer",
    }


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "vbscript:x"])
def test_source_url_must_be_a_web_address(url):
    assert list(child_errors(SourceBlock(), {**RAPPORTEUR, "url": url})) == ["url"]


def test_source_year_must_not_be_in_the_future():
    errors = child_errors(SourceBlock(), {**RAPPORTEUR, "year": 2999})
    assert list(errors) == ["year"]
    assert errors["year"][0].startswith("The year 2999 is in the future.")


def test_source_code_is_a_lowercase_slug():
    errors = child_errors(SourceBlock(), {**RAPPORTEUR, "code": "Roemer 2020"})
    assert errors == {
        "code": ["Use lowercase letters, digits and hyphens only, e.g. 'rapporteur-2021'."]
    }


def test_two_sources_cannot_share_an_anchor():
    block = SourcesBlock()
    value = block.to_python([RAPPORTEUR, {**AANJAAGTEAM, "code": "1"}])
    with pytest.raises(ListBlockValidationError) as raised:
        block.clean(value)
    error = raised.value.block_errors[1].block_errors["code"]
    assert error.messages == [
        "Source 1 already has the anchor fn-1. Give this source another code."
    ]
