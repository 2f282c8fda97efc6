"""Constants and small helpers of the JSON Schemas: types, null, titles from block definitions."""

from wagtail import blocks

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
APP_LABEL = "comensha_content"
PACKAGE = "comensha_content"
#: ``$id`` of the exported documents: ``urn:comensha-content:blocks:ChapterBlock``, ...
SCHEMA_ID_PREFIX = "urn:comensha-content"

#: Description of a value that no declaration or derivation describes (``{}`` accepts anything).
UNDESCRIBED = "Not described: this field's shape is not declared."

#: ``x-`` keyword carrying the rich text features, as Wagtail's own API v3 schema does.
RICH_TEXT_FEATURES_KEY = "x-rich-text-features"
#: Every ``x-`` keyword the schemas use, with a JSON Schema of its value: validators in strict
#: mode (ajv) refuse undeclared keywords, so scripts/check_schema.py declares these to them.
CUSTOM_KEYWORDS = {
    RICH_TEXT_FEATURES_KEY: {
        "type": "array",
        "items": {"type": "string"},
        "uniqueItems": True,
        "description": "The rich text editor features a value may use (Wagtail feature names).",
    },
}
RICH_TEXT_DESCRIPTION = (
    "Rich text in the format of WAGTAILAPI_RICH_TEXT_FORMAT or ?rich_text_format= "
    "(db_html by default; html expands internal links)."
)


# --- small schema helpers ----------------------------------------------------------------------


def text(value):
    """A lazy or plain string as plain text (the build runs with translations deactivated)."""
    return "" if value is None else str(value)


def nullable(schema):
    """``schema`` that may also be null."""
    schema = dict(schema)
    kind = schema.get("type")
    if "$ref" in schema or "oneOf" in schema or "anyOf" in schema or "const" in schema:
        annotations = {key: schema.pop(key) for key in ("title", "description") if key in schema}
        return {"anyOf": [schema, {"type": "null"}], **annotations}
    if kind is None:
        if "enum" in schema and None not in schema["enum"]:
            schema["enum"] = [*schema["enum"], None]
        return schema  # without a type, only an enum can exclude null
    kinds = kind if isinstance(kind, list) else [kind]
    if "null" not in kinds:
        schema["type"] = [*kinds, "null"]
    if "enum" in schema and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
    return schema


def described(schema, title=None, description=None):
    """``schema`` with a title and description (empty ones are left out)."""
    schema = dict(schema)
    if title:
        schema["title"] = text(title)
    if description:
        schema["description"] = text(description)
    return schema


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
DATE = {"type": "string", "format": "date"}
DATE_TIME = {"type": "string", "format": "date-time"}


def _block_text(block, attribute):
    meta_value = getattr(block.meta, attribute, None)
    return text(meta_value) if meta_value else ""


def block_title(block):
    return _block_text(block, "label") or text(getattr(block, "label", "")) or ""


def block_help_text(block):
    """The help text given to the block (FieldBlocks pass it to their form field, not meta)."""
    _path, _args, kwargs = block.deconstruct()
    return text(kwargs.get("help_text")) or _block_text(block, "help_text")


def block_description(block):
    return _block_text(block, "description") or block_help_text(block)


def is_required(block):
    """Whether a leaf block requires a value.

    A chooser's ``required`` builds its form field, which needs the snippet viewsets that are
    registered after this app's ``ready()``; its constructor argument says the same.
    """
    if isinstance(block, blocks.ChooserBlock):
        _path, _args, kwargs = block.deconstruct()
        return kwargs.get("required", True)
    return getattr(block, "required", True)


def _choice_codes(block):
    codes = []
    for value, label in block.field.choices:
        if isinstance(label, list | tuple):  # optgroup
            codes.extend(str(code) for code, _label in label)
        else:
            codes.append(str(value))
    return codes
