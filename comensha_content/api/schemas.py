"""API schemas of the /recommendations/ endpoint of API v2, derived from its viewset."""

from comensha_content.recommendations.schemas import (
    RECOMMENDATION_URL,
    recommendation_field_schemas,
)
from comensha_content.schema.declarations import (
    _model,
)
from comensha_content.schema.primitives import (
    APP_LABEL,
    INTEGER,
    STRING,
    described,
    nullable,
)
from comensha_content.schema.registry import (
    register_endpoint_schema,
)

#: The endpoint's name in a site's v2 router, as README and the example register it.
RECOMMENDATIONS_ENDPOINT = "recommendations"


def _recommendation_endpoint_properties(builder):
    """``{field: schema}`` of every field ``RecommendationsAPIViewSet`` can serve, and the meta."""
    meta = {
        "type": {"const": f"{APP_LABEL}.Recommendation"},
        "detail_url": described(STRING, description="This recommendation's API detail URL."),
        "locale": described(STRING, description="Language code."),
        "html_url": described(nullable(STRING), description=RECOMMENDATION_URL),
    }
    body = {"id": INTEGER, **recommendation_field_schemas(builder)}
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
    # Wagtail's viewset may name a meta field twice (``locale``, ``html_url``): each once here.
    meta_names = list(dict.fromkeys(ViewSet.get_meta_fields_names(model)))
    body_names = list(dict.fromkeys(ViewSet.get_body_fields_names(model)))
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


register_endpoint_schema("recommendations.detail", recommendation_endpoint_item)
register_endpoint_schema("recommendations.listing", recommendation_listing)
