"""API schemas of the longread page fields that are not model fields."""

from comensha_content.schema.primitives import (
    APP_LABEL,
    INTEGER,
    described,
    nullable,
)
from comensha_content.schema.registry import register_page_field_schema

_LONGREAD = f"{APP_LABEL}.LongreadPage"

register_page_field_schema(
    _LONGREAD,
    "api_hero_image",
    lambda builder: described(nullable(builder.image()), "Hero image"),
)
register_page_field_schema(
    _LONGREAD,
    "api_role",
    lambda builder: described(nullable(builder.snippet("comensha_content.Role")), "Role"),
)
register_page_field_schema(
    _LONGREAD,
    "api_form_of_exploitation",
    lambda builder: described(
        nullable(builder.snippet("comensha_content.FormOfExploitation")), "Form of exploitation"
    ),
)
register_page_field_schema(
    _LONGREAD,
    "reading_time",
    described(INTEGER, "Reading time", "In whole minutes."),
)
register_page_field_schema(
    _LONGREAD,
    "table_of_contents",
    lambda builder: described(
        {"type": "array", "items": builder.table_of_contents()},
        "Table of contents",
        "The chapters of the body, with the anchors their headings have.",
    ),
)
register_page_field_schema(
    _LONGREAD,
    "api_related_stories",
    lambda builder: described(
        {"type": "array", "items": builder.page_link()},
        "Related stories",
        "In the served language where translated (see is_fallback).",
    ),
)
