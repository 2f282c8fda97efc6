"""API schemas of the Kompas: its blocks and the page fields its serialisers produce."""

from comensha_content.kompas import choices as kompas_choices
from comensha_content.schema.declarations import (
    _declare,
    _definition_properties,
    _model,
    choice,
    page_links,
    terms,
)
from comensha_content.schema.primitives import (
    APP_LABEL,
    DATE,
    INTEGER,
    PACKAGE,
    STRING,
    described,
    nullable,
    text,
)
from comensha_content.schema.registry import register_block_schema

KOMPAS = f"{APP_LABEL}.KompasPage"
CHAPTER = f"{APP_LABEL}.KompasChapterPage"
INSTRUMENT = f"{APP_LABEL}.InstrumentPage"

IN_PAGE_LANGUAGE = "In the page's language where translated (see is_fallback)."
TERMS_IN_PAGE_LANGUAGE = (
    "The chosen terms in the page's language where translated (see is_fallback), in taxonomy order."
)
TERMS_IN_OWN_LANGUAGE = (
    "In the recommendation's language where translated (see is_fallback), in taxonomy order."
)
ABSOLUTE_URL = "An absolute URL; null when the page is not reachable on a site."


@register_block_schema(f"{PACKAGE}.kompas.blocks.LegalBasisBlock")
def _legal_basis(builder, block):
    return builder.struct(
        block,
        extra={"citation": described(STRING, description="'Law, art. N', as shown on cards.")},
    )


@register_block_schema(f"{PACKAGE}.kompas.blocks.CaseLawBlock")
def _case_law(builder, block):
    return builder.struct(
        block,
        replace={
            "date": nullable(DATE),
            "url": described(
                STRING,
                description="The given link, else the official page of a Dutch decision, "
                "else empty.",
            ),
        },
    )


def _kompas():
    from comensha_content.kompas import models as kompas

    return kompas


def kompas_chapter_link(builder):
    """A chapter on the landing page: the page-link shape plus its number."""

    def factory():
        properties = _definition_properties(builder, builder.page_link())
        properties["number"] = described(INTEGER, "Chapter number")
        return builder.object(properties, title="Kompas chapter link")

    return builder.define(("comensha", "kompas_chapter_link"), "KompasChapterLink", factory)


def kompas_landing_section(builder):
    """One of the three questions on the landing page (``KompasPage.get_sections_api``)."""

    def factory():
        properties = _definition_properties(builder, choice(builder, kompas_choices.KompasSection))
        properties["intro"] = described(
            STRING, description="The landing page's introduction to the question; may be empty."
        )
        properties["chapters"] = described(
            {"type": "array", "items": kompas_chapter_link(builder)},
            description="The live chapters under the question, in reading order.",
        )
        return builder.object(properties, title="Kompas section")

    return builder.define(("comensha", "kompas_section"), "KompasLandingSection", factory)


def instrument_finder(builder):
    """``kompas.finder_api_description``: how to call the finder through API v2."""
    from comensha_content.kompas.finder import FILTERS

    instrument = _model(INSTRUMENT)

    def finder_filter(finder_filter):
        if finder_filter.taxonomy:
            model = _model(f"{APP_LABEL}.{finder_filter.taxonomy}")
            code = described(
                STRING, description=f"A {text(model._meta.verbose_name)} code (taxonomy data)."
            )
        else:
            code = {"type": "string", "enum": list(kompas_choices.CompetentBody.values)}
        option = builder.object({"code": code, "label": STRING})
        return builder.object(
            {
                "parameter": {"const": finder_filter.parameter},
                "label": STRING,
                "options": described(
                    {"type": "array", "items": option},
                    description="The codes the parameter accepts, labelled in the page's language.",
                ),
            },
            title=text(finder_filter.label),
        )

    def factory():
        return builder.object(
            {
                "endpoint_type": described(
                    {"const": instrument._meta.label},
                    description="The pages endpoint's ?type= that lists instruments.",
                ),
                "descendant_of": described(
                    INTEGER, description="This page's id, for ?descendant_of=."
                ),
                "text_parameter": described(
                    STRING, description="The query parameter for free text."
                ),
                "filters": described(
                    {
                        "type": "array",
                        "items": {
                            "oneOf": [finder_filter(item) for item in FILTERS],
                            "title": "Instrument finder filter",
                        },
                    },
                    description="Query parameters that take codes (repeated or "
                    "comma-separated): alternatives within one filter, narrowing across filters.",
                ),
            },
            title="Instrument finder",
        )

    return builder.define(("comensha", "instrument_finder"), "InstrumentFinder", factory)


_declare(
    KOMPAS,
    "sections",
    lambda builder: {"type": "array", "items": kompas_landing_section(builder)},
    title="Sections",
    description="The Kompas's three questions, in order, each with its live chapters.",
)
_declare(
    KOMPAS,
    "kader_themes",
    lambda builder: terms(builder, f"{APP_LABEL}.KaderTheme"),
    title="Kader themes",
    description="Every Kader theme once. " + IN_PAGE_LANGUAGE,
)
_declare(
    KOMPAS,
    "plateaus",
    lambda builder: terms(builder, f"{APP_LABEL}.Plateau"),
    title="Plateaus",
    description="Every plateau once. " + IN_PAGE_LANGUAGE,
)
_declare(
    KOMPAS,
    "finder",
    instrument_finder,
    title="Instrument finder",
    description="How to find this Kompas's instruments through API v2.",
)

# A chapter and an instrument share the card, the themes and the plateau.
for _label in (CHAPTER, INSTRUMENT):
    _declare(
        _label,
        "kader_themes",
        lambda builder: terms(builder, f"{APP_LABEL}.KaderTheme"),
        description=TERMS_IN_PAGE_LANGUAGE,
    )
    _declare(
        _label,
        "kader_plateau",
        lambda builder: nullable(builder.snippet(f"{APP_LABEL}.Plateau")),
        description=IN_PAGE_LANGUAGE,
    )
    _declare(
        _label,
        "card_url",
        lambda builder: nullable(STRING),
        title="Card URL",
        description="The printable one-page card. " + ABSOLUTE_URL,
    )

_declare(CHAPTER, "section", lambda builder: choice(builder, kompas_choices.KompasSection))
_declare(
    CHAPTER,
    "sections",
    lambda builder: {"type": "array", "items": builder.table_of_contents()},
    title="Sections",
    description="The chapters of the body with their anchors: the table of contents and the "
    "links to share.",
)
for _name, _title in (("previous_chapter", "Previous chapter"), ("next_chapter", "Next chapter")):
    _declare(
        CHAPTER,
        _name,
        lambda builder: nullable(builder.page_link()),
        title=_title,
        description="In reading order among the live chapters; null at either end.",
    )

_declare(
    INSTRUMENT,
    "competent_body",
    lambda builder: nullable(choice(builder, kompas_choices.CompetentBody)),
    description="Null when not given.",
)
for _name, _model_name in (
    ("responsible_roles", "Role"),
    ("partners", "Organisation"),
    ("forms_of_exploitation", "FormOfExploitation"),
):
    _declare(
        INSTRUMENT,
        _name,
        lambda builder, _model_name=_model_name: terms(builder, f"{APP_LABEL}.{_model_name}"),
        description=TERMS_IN_PAGE_LANGUAGE,
    )
_declare(
    INSTRUMENT,
    "related_instruments",
    page_links,
    description="The live ones. " + IN_PAGE_LANGUAGE,
)
