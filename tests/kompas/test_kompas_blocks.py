"""Kompas blocks: ECLI and URL validation, citations, case-law links and what gets translated."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

from comensha_content.kompas.blocks import (
    CaseLawBlock,
    EcliBlock,
    LegalBasisBlock,
    PracticeExampleBlock,
    RiskBlock,
    StepBlock,
)
from comensha_content.kompas.models import InstrumentPage


@pytest.mark.parametrize(
    "given,stored",
    [
        ("ECLI:NL:RVS:2017:1317", "ECLI:NL:RVS:2017:1317"),
        (" ecli:nl:rvs:2017:1317 ", "ECLI:NL:RVS:2017:1317"),
        ("ECLI:EU:C:2014:317", "ECLI:EU:C:2014:317"),
        ("ECLI:NL:HR:2016:1256", "ECLI:NL:HR:2016:1256"),
    ],
)
def test_valid_eclis_are_stored_in_upper_case(given, stored):
    assert EcliBlock().clean(given) == stored


@pytest.mark.parametrize(
    "value",
    [
        "NL:RVS:2017:1317",
        "ECLI:NLD:RVS:2017:1317",
        "ECLI:NL:RVS:17:1317",
        "ECLI:NL:RVS:2017",
        "javascript:alert(1)",
    ],
)
def test_malformed_eclis_get_a_message_with_an_example(value):
    with pytest.raises(ValidationError) as error:
        EcliBlock().clean(value)
    assert "ECLI:NL:RVS:2017:1317" in " ".join(error.value.messages)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://wetten.overheid.nl/"]
)
def test_legal_basis_link_must_be_http_or_https(url):
    block = LegalBasisBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"law": "Gemeentewet", "article": "174", "url": url}))
    assert "url" in error.value.block_errors


def test_legal_basis_needs_a_law_and_gives_a_citation():
    block = LegalBasisBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"law": " ", "article": "3", "url": ""}))
    assert "law" in error.value.block_errors
    value = block.clean(
        block.to_python(
            {"law": "Wet Bibob", "article": "3", "url": "https://wetten.overheid.nl/BWBR0013798"}
        )
    )
    assert value.citation == "Wet Bibob, art. 3"
    assert block.get_api_representation(value)["citation"] == "Wet Bibob, art. 3"
    whole_law = block.to_python({"law": "Jeugdwet", "article": "", "url": ""})
    assert whole_law.citation == "Jeugdwet"


def test_case_law_links_dutch_decisions_to_rechtspraak_nl():
    block = CaseLawBlock()
    dutch = block.to_python({"ecli": "ECLI:NL:RVS:2017:1317", "summary": "x", "url": ""})
    assert dutch.link == "https://deeplink.rechtspraak.nl/uitspraak?id=ECLI:NL:RVS:2017:1317"
    european = block.to_python({"ecli": "ECLI:EU:C:2014:317", "summary": "x", "url": ""})
    assert european.link == ""
    given = block.to_python(
        {"ecli": "ECLI:EU:C:2014:317", "summary": "x", "url": "https://curia.europa.eu/"}
    )
    assert block.get_api_representation(given)["url"] == "https://curia.europa.eu/"


@pytest.mark.parametrize(
    "block_class", [LegalBasisBlock, StepBlock, CaseLawBlock, RiskBlock, PracticeExampleBlock]
)
def test_every_block_has_the_meta_the_block_picker_needs(block_class):
    block = block_class()
    for option in ("icon", "label", "group", "description", "template", "preview_value"):
        assert getattr(block.meta, option, None), option
    html = block.render(block.get_preview_value())
    assert html.strip()


@pytest.mark.django_db
def test_translators_get_the_text_but_not_eclis_or_links(site_context, taxonomy):
    """wagtail-localize offers laws, steps and case-law summaries; ECLIs and URLs stay the same."""
    from tests.factories import publish_child
    from tests.helpers import source_segments

    instrument = InstrumentPage(
        title="Sluiting",
        summary="Samenvatting.",
        legal_basis=[
            (
                "legal_basis",
                {
                    "law": "Gemeentewet",
                    "article": "174",
                    "url": "https://wetten.overheid.nl/BWBR0005416",
                },
            )
        ],
        steps=[
            (
                "step",
                {
                    "title": "Feiten vastleggen",
                    "description": "<p>Rapportage.</p>",
                    "responsible": "politie",
                },
            )
        ],
        risks=[
            (
                "case_law",
                {
                    "ecli": "ECLI:NL:RVS:2017:1317",
                    "court": "Raad van State",
                    "summary": "Besluit vernietigd.",
                    "url": "",
                },
            )
        ],
    )
    publish_child(site_context.home, instrument)
    segments = source_segments(instrument)
    for text in (
        "Gemeentewet",
        "174",
        "Feiten vastleggen",
        "Rapportage.",
        "politie",
        "Raad van State",
        "Besluit vernietigd.",
    ):
        assert text in segments
    assert "ECLI:NL:RVS:2017:1317" not in segments
    assert not any(segment.startswith("https://") for segment in segments)
    assert isinstance(instrument.legal_basis, StreamValue)
