"""API schema of the browse-safely page's quick-exit field."""

from comensha_content.schema.primitives import (
    APP_LABEL,
    STRING,
    described,
)
from comensha_content.schema.registry import register_page_field_schema

register_page_field_schema(
    f"{APP_LABEL}.BrowseSafelyPage",
    "quick_exit",
    lambda builder: described(
        builder.object(
            {
                "url": described(STRING, description="Where the quick-exit button leaves for."),
                "host": described(STRING, description="That site's host name."),
            }
        ),
        "Quick exit",
        "What this site's quick-exit button does.",
    ),
)
