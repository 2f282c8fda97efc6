"""API schemas of the shared blocks whose representation adds to or reshapes their children.

Each names only what ``get_api_representation`` adds or reshapes; the rest is derived from the
block's children. Registered from ``AppConfig.ready()``.
"""

from django.utils.text import capfirst

from comensha_content.schema.primitives import (
    BOOLEAN,
    DATE,
    INTEGER,
    NUMBER,
    PACKAGE,
    STRING,
    described,
    nullable,
    text,
)
from comensha_content.schema.registry import register_block_schema

_BLOCKS = f"{PACKAGE}.blocks"


def _non_null(schema):
    """``schema`` without null (a value that the representation always fills in)."""
    schema = dict(schema)
    if isinstance(schema.get("type"), list):
        kinds = [kind for kind in schema["type"] if kind != "null"]
        schema["type"] = kinds[0] if len(kinds) == 1 else kinds
    if "enum" in schema:
        schema["enum"] = [value for value in schema["enum"] if value is not None]
    if "anyOf" in schema:
        options = [option for option in schema["anyOf"] if option.get("type") != "null"]
        if len(options) == 1:
            annotations = {k: v for k, v in schema.items() if k != "anyOf"}
            return {**options[0], **annotations}
        schema["anyOf"] = options
    return schema


@register_block_schema(f"{_BLOCKS}.ChapterBlock")
def _chapter(builder, block):
    anchor = builder.children(block)["anchor"]
    return builder.struct(
        block,
        replace={
            "anchor": described(
                _non_null(anchor),
                description="The chapter heading's HTML id, unique on the page: the editor's "
                "anchor or one made from the heading. The table of contents links to it.",
            )
        },
    )


@register_block_schema(f"{_BLOCKS}.PullQuoteBlock")
def _pull_quote(builder, block):
    children = builder.children(block)
    return builder.struct(
        block,
        replace={"attribution_is_pseudonym": _non_null(children["attribution_is_pseudonym"])},
        extra={
            "attribution": described(
                STRING, description='"Name, role" as printed: an asterisk after a changed name.'
            ),
            "display_name": described(
                STRING, description="The name as printed: with an asterisk when it is changed."
            ),
            "pseudonym_note": described(
                STRING, description="The note explaining the asterisk, or empty."
            ),
        },
    )


@register_block_schema(f"{_BLOCKS}.TestimonyBlock")
def _testimony(builder, block):
    children = builder.children(block)
    return builder.struct(
        block,
        replace={"is_pseudonym": _non_null(children["is_pseudonym"])},
        extra={
            "display_name": described(
                STRING, description="The name as printed: with an asterisk when it is changed."
            ),
            "pseudonym_note": described(
                STRING, description="The note explaining the asterisk, or empty."
            ),
            "speaker_label": described(STRING, description="The speaker's kind, as a label."),
        },
    )


@register_block_schema(f"{_BLOCKS}.ProfessionalPerspectiveBlock")
def _perspective(builder, block):
    return builder.struct(
        block,
        extra={
            "heading": described(STRING, description='"Domain: name, job title, organisation".')
        },
    )


@register_block_schema(f"{_BLOCKS}.FactBlock")
def _fact(builder, block):
    children = builder.children(block)
    number = described(NUMBER, description="Integer when whole.")
    return builder.struct(
        block,
        drop=("source_title", "source_url", "year"),
        replace={
            "value": described(number, children["value"].get("title")),
            "maximum": described(nullable(number), children["maximum"].get("title")),
        },
        extra={
            "display": described(
                STRING,
                description="The number or range as written in the served language, e.g. "
                "'5.000–7.500'.",
            ),
            "source": builder.object(
                {
                    "title": children["source_title"],
                    "url": children["source_url"],
                    "year": children["year"],
                }
            ),
        },
    )


@register_block_schema(f"{_BLOCKS}.TimelineItemBlock")
def _timeline_item(builder, block):
    return builder.struct(
        block,
        replace={"date": nullable(DATE)},
        extra={
            "display_date": described(
                STRING, description="'When', else the date in the served language."
            )
        },
    )


@register_block_schema(f"{_BLOCKS}.ImageBlock")
def _image(builder, block):
    return builder.object(
        {
            "image": described(
                nullable(builder.image()), description="Null when the image was deleted."
            ),
            "layout": _non_null(builder.children(block)["layout"]),
        }
    )


@register_block_schema(f"{_BLOCKS}.MediaBlock")
def _media(builder, block):
    children = builder.children(block)
    return builder.struct(
        block,
        replace={
            "poster": described(nullable(builder.image()), children["poster"].get("title")),
            "kind": described(
                {**children["kind"], "enum": [*children["kind"]["enum"], ""]},
                children["kind"].get("title"),
            ),
        },
        extra={"host": described(STRING, description="The other site's host name.")},
    )


@register_block_schema(f"{_BLOCKS}.DocumentBlock")
def _document(builder, block):
    children = builder.children(block)
    document = builder.object(
        {
            "id": INTEGER,
            "title": described(STRING, description="The given title, else the document's own."),
            "description": children["description"],
            "url": STRING,
            "file_type": described(STRING, description="The file extension, e.g. 'pdf'."),
            "file_size": described(
                nullable(INTEGER), description="In bytes; null if the file is missing."
            ),
            "file_size_display": STRING,
        }
    )
    return described(nullable(document), description="Null when the document was deleted.")


@register_block_schema(f"{_BLOCKS}.CallToActionBlock")
def _call_to_action(builder, block):
    return builder.struct(
        block,
        replace={
            "url": described(
                nullable(STRING),
                description="The link target: the chosen page's URL or the other address; "
                "null when the chosen page is not live.",
            ),
            "page": described(
                nullable(builder.page_link()), description="The chosen page, if any."
            ),
        },
        extra={"is_external": BOOLEAN},
    )


@register_block_schema(f"{_BLOCKS}.HelplineBlock")
def _helplines(builder, block):
    from django.apps import apps as registry

    from comensha_content.blocks.reader_safety import HELPLINE_MODEL

    helpline = registry.get_model(HELPLINE_MODEL)
    properties = builder.snippet_properties(helpline)
    properties["phone_href"] = described(STRING, description="A tel: link, or empty.")
    properties["phone_abroad_href"] = described(STRING, description="A tel: link, or empty.")
    return builder.struct(
        block,
        replace={
            "helplines": {
                "type": "array",
                "items": builder.object(
                    properties,
                    title=capfirst(text(helpline._meta.verbose_name)),
                    description="In the served language (see is_fallback).",
                ),
            }
        },
    )


@register_block_schema(f"{_BLOCKS}.ContentWarningBlock")
def _content_warning(builder, block):
    return builder.struct(
        block,
        extra={
            "warning": described(
                STRING, description="'Content warning: <topic>' in the served language."
            )
        },
    )


@register_block_schema(f"{_BLOCKS}.SourceBlock")
def _source(builder, block):
    return builder.struct(
        block,
        extra={
            "anchor": described(
                STRING, description="'fn-<code>' when the source has a code, else empty."
            )
        },
    )


@register_block_schema(f"{_BLOCKS}.SourcesBlock")
def _sources(builder, block):
    source = builder.block_definition(block.child_block)
    properties = dict(source["properties"])
    properties["number"] = described(INTEGER, description="The source's number in the list.")
    properties["code"] = described(STRING, description="The editor's code, else the number.")
    properties["anchor"] = described(
        STRING, description="'fn-<code>': footnote links in the text point here."
    )
    return {"type": "array", "items": builder.object(properties, title=source.get("title"))}
