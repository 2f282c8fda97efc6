"""Schemas of the Kompas and recommendation page fields that custom serializers produce.

Each declaration mirrors one serializer: the ``get_*_api`` methods and term fields of
``models/kompas.py`` and ``kompas.finder_api_description``, and the ``serialize_*`` functions of
``recommendations.py``. Codes from a fixed choice list get the ``enum`` of their TextChoices class;
titles and descriptions come from the model field where there is one. Models and choices are
imported when a schema is built, so declaring does not load a capability's models.
"""

from django.utils.text import capfirst

from comensha_content.schema.builder import (
    APP_LABEL,
    DATE,
    INTEGER,
    STRING,
    _doc,
    described,
    nullable,
    register_page_field_schema,
    text,
)

KOMPAS = f"{APP_LABEL}.KompasPage"
CHAPTER = f"{APP_LABEL}.KompasChapterPage"
INSTRUMENT = f"{APP_LABEL}.InstrumentPage"
REPORT = f"{APP_LABEL}.PolicyReportPage"

IN_PAGE_LANGUAGE = "In the page's language where translated (see is_fallback)."
TERMS_IN_PAGE_LANGUAGE = (
    "The chosen terms in the page's language where translated (see is_fallback), in taxonomy order."
)
TERMS_IN_OWN_LANGUAGE = (
    "In the recommendation's language where translated (see is_fallback), in taxonomy order."
)
ABSOLUTE_URL = "An absolute URL; null when the page is not reachable on a site."


# --- helpers ---------------------------------------------------------------------------------


def _model(label):
    from django.apps import apps

    return apps.get_model(label)


def model_field_described(model, name, schema, description=None):
    """``schema`` titled with the model field's verbose name, described by its help text.

    ``description`` is added after the help text (what the API makes of the field).
    """
    field = _model(model)._meta.get_field(name)
    descriptions = [text(field.help_text), text(description)]
    return described(
        schema,
        capfirst(text(field.verbose_name)),
        " ".join(part for part in descriptions if part) or None,
    )


def _declare(model, name, factory, *, title=None, description=None):
    """Register ``factory(builder)`` for ``model.name``, annotated from the model field if any.

    Without ``title``, the title and help text come from the model field called ``name``.
    """

    def schema(builder):
        if title is None:
            return model_field_described(model, name, factory(builder), description)
        return described(factory(builder), title, description)

    register_page_field_schema(model, name, schema)


def _definition_properties(builder, ref):
    """The properties of the named definition ``ref`` (a ``$ref``), to extend it."""
    return dict(builder.defs[ref["$ref"].removeprefix("#/$defs/")]["properties"])


def choice(builder, choices):
    """``{code, label}`` of a TextChoices class (``_choice_api``, ``recommendations._choice``)."""
    return builder.define(
        ("choice", f"{choices.__module__}.{choices.__qualname__}"),
        choices.__name__,
        lambda: builder.object(
            {
                "code": {"type": "string", "enum": list(choices.values)},
                "label": described(STRING, description="The code's label in the page's language."),
            },
            title=choices.__name__,
            description=_doc(choices),
        ),
    )


def terms(builder, model):
    """A list of taxonomy terms (``LocalizedTermsField``, ``TermLookup``)."""
    return {"type": "array", "items": builder.snippet(model)}


def page_links(builder):
    return {"type": "array", "items": builder.page_link()}


# --- Kompas ----------------------------------------------------------------------------------


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
        properties = _definition_properties(builder, choice(builder, _kompas().KompasSection))
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
            code = {"type": "string", "enum": list(_kompas().CompetentBody.values)}
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

_declare(CHAPTER, "section", lambda builder: choice(builder, _kompas().KompasSection))
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
    lambda builder: nullable(choice(builder, _kompas().CompetentBody)),
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


# --- Policy reports and recommendations -----------------------------------------------------


def _recommendations():
    from comensha_content.recommendations import models as recommendations

    return recommendations


def recommendation_report_link(builder):
    """``recommendations.serialize_report_link``: the page-link shape plus report details."""
    models = _recommendations()

    def factory():
        properties = _definition_properties(builder, builder.page_link())
        properties["publication_date"] = model_field_described(REPORT, "publication_date", DATE)
        properties["document_type"] = model_field_described(
            REPORT, "document_type", choice(builder, models.DocumentType)
        )
        properties["reference"] = model_field_described(REPORT, "reference", STRING)
        return builder.object(properties, title="Report link")

    return builder.define(("comensha", "report_link"), "RecommendationReportLink", factory)


def progress_update(builder):
    """``recommendations.serialize_progress_update``: one step of a recommendation's history."""
    models = _recommendations()
    model = f"{APP_LABEL}.ProgressUpdate"

    def factory():
        source = builder.object(
            {
                "title": model_field_described(model, "source_title", STRING),
                "url": model_field_described(
                    model, "source_url", nullable(STRING), "Null when not given."
                ),
            }
        )
        return builder.object(
            {
                "id": INTEGER,
                "date": model_field_described(model, "date", DATE),
                "status": model_field_described(
                    model, "status", choice(builder, models.ProgressStatus)
                ),
                "explanation": model_field_described(model, "explanation", STRING),
                "source": described(
                    nullable(source),
                    "Source",
                    "The document that reports this step; null when none is given.",
                ),
            },
            title="Progress update",
        )

    return builder.define(("comensha", "progress_update"), "ProgressUpdate", factory)


def current_status(builder):
    """``recommendations.serialize_current_status``: the latest progress update's status."""
    models = _recommendations()

    def factory():
        properties = _definition_properties(builder, choice(builder, models.ProgressStatus))
        properties["date"] = described(
            nullable(DATE), description="The latest update's date; null without any update."
        )
        return builder.object(
            properties,
            title="Current status",
            description="The status of the latest progress update; "
            f"'{models.ProgressStatus.NOT_STARTED.value}' without any.",
        )

    return builder.define(("comensha", "current_status"), "RecommendationStatus", factory)


def recommendation(builder):
    """``recommendations.serialize_recommendation``: a recommendation with status and history."""
    models = _recommendations()
    model = f"{APP_LABEL}.Recommendation"

    def field(name, schema, description=None):
        return model_field_described(model, name, schema, description)

    def factory():
        return builder.object(
            {
                "id": INTEGER,
                "locale": described(STRING, description="Language code."),
                "url": described(
                    nullable(STRING),
                    "URL",
                    "The recommendation's page under the tracker in its language, absolute; "
                    "null when that language has no live tracker.",
                ),
                "code": field("code", STRING),
                "title": field("title", STRING),
                "text": field("text", STRING),
                "report": field("report", recommendation_report_link(builder)),
                "page_number": field("page_number", nullable(INTEGER)),
                "themes": field(
                    "themes",
                    terms(builder, f"{APP_LABEL}.RecommendationTheme"),
                    TERMS_IN_OWN_LANGUAGE,
                ),
                "addressees": field(
                    "addressees",
                    terms(builder, f"{APP_LABEL}.Organisation"),
                    TERMS_IN_OWN_LANGUAGE,
                ),
                "urgency": field(
                    "urgency", nullable(choice(builder, models.Urgency)), "Null when not given."
                ),
                "government_response": field(
                    "government_response", choice(builder, models.GovernmentResponse)
                ),
                "current_status": current_status(builder),
                "history": described(
                    {"type": "array", "items": progress_update(builder)},
                    "History",
                    "The progress updates, oldest first.",
                ),
            },
            title="Recommendation",
            description="A recommendation of a report, with its current status and history.",
        )

    return builder.define(("comensha", "recommendation"), "Recommendation", factory)


def report_document(builder):
    """``recommendations.serialize_report_document``."""
    return builder.object(
        {
            "id": INTEGER,
            "title": STRING,
            "url": described(STRING, description="Where the document file is served."),
        }
    )


# --- The /recommendations/ endpoint of API v2 (api/v2_recommendations.py) --------------------

#: The endpoint's name in a site's v2 router, as README and the example register it.
RECOMMENDATIONS_ENDPOINT = "recommendations"


def _recommendation_endpoint_properties(builder):
    """``{field: schema}`` of every field ``RecommendationsAPIViewSet`` can serve, and the meta."""
    models = _recommendations()
    model = f"{APP_LABEL}.Recommendation"

    def field(name, schema, description=None):
        return model_field_described(model, name, schema, description)

    meta = {
        "type": {"const": model},
        "detail_url": described(STRING, description="This recommendation's API detail URL."),
        "locale": described(STRING, description="Language code."),
        "html_url": described(
            nullable(STRING),
            description="The recommendation's page under the tracker in its language, absolute; "
            "null when that language has no live tracker.",
        ),
    }
    body = {
        "id": INTEGER,
        "code": field("code", STRING),
        "title": field("title", STRING),
        "text": field("text", STRING),
        "report": field("report", recommendation_report_link(builder)),
        "page_number": field("page_number", nullable(INTEGER)),
        "themes": field(
            "themes", terms(builder, f"{APP_LABEL}.RecommendationTheme"), TERMS_IN_OWN_LANGUAGE
        ),
        "addressees": field(
            "addressees", terms(builder, f"{APP_LABEL}.Organisation"), TERMS_IN_OWN_LANGUAGE
        ),
        "urgency": field(
            "urgency", nullable(choice(builder, models.Urgency)), "Null when not given."
        ),
        "government_response": field(
            "government_response", choice(builder, models.GovernmentResponse)
        ),
        "current_status": current_status(builder),
        "history": described(
            {"type": "array", "items": progress_update(builder)},
            "History",
            "The progress updates, oldest first.",
        ),
    }
    return meta, body


def recommendation_endpoint_item(builder, *, listing=False):
    """One recommendation as ``GET /api/v2/recommendations/<id>/`` (or a listing item) gives it.

    The fields and which of them a listing gives by default come from the viewset, so the
    schema cannot list a field the endpoint does not serve. A listing item has the listing's
    default fields; ``?fields=`` may add the others (they are then described, not required).
    """
    from comensha_content.api.v2_recommendations import RecommendationsAPIViewSet as ViewSet

    model = _model(f"{APP_LABEL}.Recommendation")
    meta, body = _recommendation_endpoint_properties(builder)
    meta_names = ViewSet.get_meta_fields_names(model)
    body_names = ViewSet.get_body_fields_names(model)
    unknown = set(meta_names + body_names) - set(meta) - set(body)
    if unknown:
        raise LookupError(f"No schema for recommendation API fields: {sorted(unknown)}")
    defaults = set(ViewSet.listing_default_fields) if listing else set(meta_names + body_names)
    properties = {
        "id": body["id"],
        "meta": builder.object(
            {name: meta[name] for name in meta_names},
            required=[name for name in meta_names if name in defaults],
        ),
    }
    properties.update({name: body[name] for name in body_names if name != "id"})
    required = ["id", "meta", *(name for name in body_names if name != "id" and name in defaults)]
    if listing:
        return builder.define(
            ("comensha", "recommendation_listing_item"),
            "RecommendationListingItem",
            lambda: builder.object(
                properties,
                required=required,
                title="Recommendation (listing item)",
                description="An item of GET /api/v2/recommendations/: the listing's default "
                "fields; ?fields= adds others (e.g. history).",
            ),
        )
    return builder.object(
        properties,
        required=required,
        title="Recommendation (API v2 detail)",
        description="GET /api/v2/recommendations/<id>/: a recommendation of a live, public "
        "report, with its current status and history, in its own language.",
    )


def recommendation_listing(builder):
    """``GET /api/v2/recommendations/``: Wagtail's listing envelope around listing items."""
    return builder.object(
        {
            "meta": builder.object(
                {"total_count": described(INTEGER, description="Matches before limit/offset.")}
            ),
            "items": {
                "type": "array",
                "items": recommendation_endpoint_item(builder, listing=True),
            },
        },
        title="Recommendations (API v2 listing)",
        description="GET /api/v2/recommendations/ with the tracker's filters (report, theme, "
        "addressee, status, response), locale, search, fields, order, limit and offset.",
    )


_declare(
    REPORT,
    "document_type",
    lambda builder: choice(builder, _recommendations().DocumentType),
)
_declare(
    REPORT,
    "document",
    lambda builder: nullable(report_document(builder)),
    description="Null when no document is chosen.",
)
_declare(
    REPORT,
    "recommendations",
    lambda builder: {"type": "array", "items": recommendation(builder)},
    title="Recommendations",
    description="The report's recommendations in its language, by code.",
)

__all__ = [
    "choice",
    "current_status",
    "instrument_finder",
    "kompas_chapter_link",
    "kompas_landing_section",
    "model_field_described",
    "progress_update",
    "recommendation",
    "recommendation_endpoint_item",
    "recommendation_listing",
    "recommendation_report_link",
    "report_document",
    "terms",
]
