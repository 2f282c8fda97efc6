"""API schemas of reports and recommendations: the fields their serialisers produce."""

from comensha_content.recommendations import choices as recommendation_choices
from comensha_content.recommendations.serializers import RECOMMENDATION_FIELDS
from comensha_content.schema.declarations import (
    _declare,
    _definition_properties,
    choice,
    model_field_described,
    terms,
)
from comensha_content.schema.primitives import (
    APP_LABEL,
    DATE,
    INTEGER,
    STRING,
    described,
    nullable,
)

REPORT = f"{APP_LABEL}.PolicyReportPage"
TERMS_IN_OWN_LANGUAGE = (
    "In the recommendation's language where translated (see is_fallback), in taxonomy order."
)
ABSOLUTE_URL = "An absolute URL; null when the page is not reachable on a site."


def recommendation_report_link(builder):
    """``recommendations.serialize_report_link``: the page-link shape plus report details."""
    models = recommendation_choices

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
    models = recommendation_choices
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
    models = recommendation_choices

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


#: The description of a recommendation's ``url`` (``html_url`` in the API v2 endpoint's meta).
RECOMMENDATION_URL = (
    "The recommendation's page under the tracker in its language, absolute; "
    "null when that language has no live tracker."
)


def recommendation_field_schemas(builder):
    """``{key: schema}`` of ``serializers.RECOMMENDATION_FIELDS``, the recommendation's fields.

    Used by the report page's ``recommendations`` and the API v2 endpoint alike; a key without a
    schema, or a schema without a key, is an error.
    """
    models = recommendation_choices
    model = f"{APP_LABEL}.Recommendation"

    def field(name, schema, description=None):
        return model_field_described(model, name, schema, description)

    schemas = {
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
    if list(schemas) != list(RECOMMENDATION_FIELDS):
        raise LookupError(
            f"Recommendation schemas {list(schemas)} do not match its fields "
            f"{list(RECOMMENDATION_FIELDS)}."
        )
    return schemas


def recommendation(builder):
    """``serializers.serialize_recommendation``: a recommendation with status and history."""

    def factory():
        return builder.object(
            {
                "id": INTEGER,
                "locale": described(STRING, description="Language code."),
                "url": described(nullable(STRING), "URL", RECOMMENDATION_URL),
                **recommendation_field_schemas(builder),
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


_declare(
    REPORT,
    "document_type",
    lambda builder: choice(builder, recommendation_choices.DocumentType),
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
