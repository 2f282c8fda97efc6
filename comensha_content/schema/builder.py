"""JSON Schemas (draft 2020-12) of what the API returns: per block and per page type.

The schemas describe each block's ``get_api_representation`` output and each page type's API v2
detail response, so front ends can validate and type what they receive (``schema/`` holds the
exported files and TypeScript declarations; API v3 publishes the same shapes in its OpenAPI).

Most of a schema is derived from the block definitions: a StructBlock becomes an object with a
property per child (title from the label, description from ``help_text`` or
``Meta.description``), a StreamBlock a tagged union on ``type``, a ListBlock an array, a
ChoiceBlock an ``enum`` of its stable codes, and an optional leaf may be null. Where a block's
``get_api_representation`` returns something else (extra or reshaped keys), the shape is
declared once, in this order of precedence:

1. ``api_schema(builder)`` on the block class (a method returning the schema);
2. ``register_block_schema("package.ClassName")`` (``registry.py``) in the capability's
   ``schemas.py``, keyed by the block's stable path (or a base class's);
3. the generic derivation from the definition.

Page types work the same way: model fields and StreamFields in ``api_fields`` are derived; a
property or a custom serializer needs ``api_field_schemas = {name: schema or callable}`` on the
model, or ``register_page_field_schema("app.Model", "field")`` in the capability's ``schemas.py``.
Fields without a schema are published as ``{}`` ("not described") and listed by
``discovery.undescribed_fields``.

Schemas are built in the source language of the interface strings (English msgids), so the
export is the same whatever language is active.
"""

import copy

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from wagtail import blocks

from comensha_content.schema.introspection import (
    _api_field,
    _block_key,
    _doc,
    _model,
    api_field_names,
    is_named_block,
    model_field_schema,
    model_representation_properties,
    page_field_declaration,
)
from comensha_content.schema.primitives import (
    BOOLEAN,
    DATE,
    DATE_TIME,
    INTEGER,
    JSON_SCHEMA_DIALECT,
    RICH_TEXT_DESCRIPTION,
    RICH_TEXT_FEATURES_KEY,
    STRING,
    UNDESCRIBED,
    _choice_codes,
    block_description,
    block_help_text,
    block_title,
    described,
    is_required,
    nullable,
    text,
)
from comensha_content.schema.registry import declared_block_schema, page_meta_fields

# --- the builder -------------------------------------------------------------------------------


class SchemaBuilder:
    """Builds schemas that share named definitions (``$defs``).

    ``strict=True`` adds ``additionalProperties: false`` to every object whose keys are declared,
    so tests catch a key that the schema does not know; published schemas stay open to
    additions.
    """

    def __init__(self, strict=False):
        self.strict = strict
        self.defs: dict[str, dict] = {}
        self._names: dict[object, str] = {}
        self._in_progress: set[str] = set()

    # -- definitions -------------------------------------------------------------------------

    def ref(self, name):
        return {"$ref": f"#/$defs/{name}"}

    def define(self, key, name, factory):
        """A ``$ref`` to the definition ``key`` (named ``name``), built once by ``factory()``."""
        if key in self._names:
            return self.ref(self._names[key])
        unique, number = name, 2
        while unique in self.defs or unique in self._in_progress:
            unique, number = f"{name}{number}", number + 1
        self._names[key] = unique
        self._in_progress.add(unique)
        try:
            self.defs[unique] = factory()
        finally:
            self._in_progress.discard(unique)
        return self.ref(unique)

    def object(self, properties, *, title=None, description=None, required=None):
        """An object with ``properties``; every key is required unless ``required`` says else."""
        schema = {"type": "object", "properties": dict(properties)}
        # Each name once: JSON Schema requires ``required`` to hold unique strings.
        schema["required"] = list(dict.fromkeys(properties if required is None else required))
        if self.strict:
            schema["additionalProperties"] = False
        return described(schema, title, description)

    # -- blocks --------------------------------------------------------------------------------

    def block(self, block):
        """The schema of ``block``'s API representation: a ``$ref`` for the package's own
        named blocks, inline for the rest."""
        if is_named_block(block):
            cls = type(block)
            return self.define(
                ("block", _block_key(block)), cls.__name__, lambda: self.block_definition(block)
            )
        return self.block_definition(block)

    def block_definition(self, block):
        """The schema of ``block`` itself (never a ``$ref`` to it)."""
        declared = declared_block_schema(block)
        if declared is not None:
            schema = declared(self, block)
        else:
            schema = self.derived_block(block)
        title = schema.get("title") or block_title(block)
        descriptions = [block_description(block), schema.get("description")]
        description = " ".join(dict.fromkeys(text for text in descriptions if text))
        return described(schema, title, description)

    def derived_block(self, block):
        """The schema Wagtail's own ``get_api_representation`` gives for ``block``."""
        if isinstance(block, blocks.StreamBlock):
            return self.stream(block)
        if isinstance(block, blocks.ListBlock):
            return {"type": "array", "items": self.block(block.child_block)}
        if isinstance(block, blocks.StructBlock):
            return self.struct(block)
        return self.leaf(block)

    def children(self, block):
        """``{name: schema}`` of a StructBlock's children, in definition order."""
        return {name: self.child(child) for name, child in block.child_blocks.items()}

    def child(self, block):
        """A child block's schema with its label and help text."""
        schema = self.block(block)
        title = block_title(block)
        description = block_help_text(block)
        if "$ref" in schema and (title or description):
            # Siblings of $ref are annotations in draft 2020-12; keep the child's own wording.
            return described(schema, title, description)
        return described(schema, title or schema.get("title"), description or None)

    def struct(self, block, *, drop=(), replace=None, extra=None):
        """An object of the struct's children, minus ``drop``, with ``replace`` and ``extra``."""
        properties = {
            name: schema for name, schema in self.children(block).items() if name not in drop
        }
        for name, schema in (replace or {}).items():
            original = properties.get(name, {})
            if "$ref" not in schema:
                schema = described(
                    schema,
                    schema.get("title") or original.get("title"),
                    schema.get("description") or original.get("description"),
                )
            properties[name] = schema
        for name, schema in (extra or {}).items():
            properties[name] = schema
        return self.object(properties)

    def stream(self, block):
        """A StreamBlock: an array of ``{type, value, id}``, a tagged union on ``type``."""
        variants = []
        for name, child in block.child_blocks.items():
            variants.append(
                self.object(
                    {
                        "type": {"const": name},
                        "value": self.block(child),
                        "id": described(STRING, description="The stream child's stable id."),
                    },
                    title=block_title(child) or name,
                )
            )
        return {"type": "array", "items": {"oneOf": variants}}

    def leaf(self, block):
        """A field block: its JSON type, an enum for choices; null when optional."""
        schema = self._leaf_type(block)
        if not is_required(block) and block.get_default() is None:
            schema = nullable(schema)
        return schema

    def _leaf_type(self, block):
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(getattr(block, "features", None))
        if isinstance(block, blocks.StaticBlock):
            return {"type": "null"}
        if isinstance(block, blocks.BooleanBlock):
            return dict(BOOLEAN)
        if isinstance(block, blocks.MultipleChoiceBlock):
            return {"type": "array", "items": {"type": "string", "enum": _choice_codes(block)}}
        if isinstance(block, blocks.ChoiceBlock):
            codes = _choice_codes(block)
            return {"type": "string", "enum": codes}
        if isinstance(block, blocks.ChooserBlock):
            return described(INTEGER, description="The chosen object's id.")
        if isinstance(block, blocks.DateTimeBlock):
            return dict(DATE_TIME)
        if isinstance(block, blocks.DateBlock):
            return dict(DATE)
        if isinstance(block, blocks.TimeBlock):
            return {"type": "string", "format": "time"}
        field = getattr(block, "field", None)
        if isinstance(field, forms.BooleanField):
            return dict(BOOLEAN)
        if isinstance(field, forms.IntegerField):
            return dict(INTEGER)
        if isinstance(field, forms.DecimalField | forms.FloatField):
            # DRF (API v2) writes a Decimal as a number, pydantic (API v3) as a string.
            return {"type": ["number", "string"]}
        return dict(STRING)

    def rich_text(self, features=None):
        schema = described(STRING, description=RICH_TEXT_DESCRIPTION)
        if features is not None:
            schema[RICH_TEXT_FEATURES_KEY] = list(features)
        return schema

    # -- shared shapes (core/representation.py) ----------------------------------------------

    def rendition(self):
        return self.define(
            ("shape", "rendition"),
            "Rendition",
            lambda: self.object(
                {"url": STRING, "width": INTEGER, "height": INTEGER},
                title="Rendition",
                description="A resized copy of an image.",
            ),
        )

    def image(self):
        """``representation.image_representation``."""
        return self.define(
            ("shape", "image"),
            "Image",
            lambda: self.object(
                {
                    "id": INTEGER,
                    "alt": described(STRING, description="Empty for a decorative image."),
                    "decorative": BOOLEAN,
                    "caption": STRING,
                    "credit": STRING,
                    "width": described(INTEGER, description="The original's width."),
                    "height": described(INTEGER, description="The original's height."),
                    "renditions": described(
                        {"type": "object", "additionalProperties": self.rendition()},
                        description="Keyed by the names in COMENSHA_CONTENT_IMAGE_RENDITIONS; "
                        "empty when the image file is missing.",
                    ),
                },
                title="Image",
                description="An image as renditions with alt text, caption and credit; never "
                "the original file's URL.",
            ),
        )

    def page_link(self):
        """``representation.page_link_representation``."""
        return self.define(
            ("shape", "page_link"),
            "PageLink",
            lambda: self.object(
                {
                    "id": INTEGER,
                    "type": described(STRING, description="The page type, 'app_label.Model'."),
                    "locale": described(STRING, description="Language code of the page."),
                    "title": STRING,
                    "url": described(
                        nullable(STRING), description="Null when the page is not live."
                    ),
                    "is_fallback": described(
                        BOOLEAN,
                        description="True when the page has no translation in the served "
                        "language and the source page is given instead.",
                    ),
                },
                title="Page link",
                description="A chosen page, resolved to the served language.",
            ),
        )

    def snippet_properties(self, model):
        """``{key: schema}`` of ``model.get_api_representation()`` plus ``is_fallback``."""
        properties = model_representation_properties(model)
        properties["is_fallback"] = described(
            BOOLEAN,
            description="True when the object has no translation in the served language and "
            "the source object is given instead.",
        )
        return properties

    def snippet(self, model):
        """``representation.snippet_representation`` of a ``model`` instance."""
        model = _model(model)
        return self.define(
            ("snippet", model._meta.label),
            model.__name__,
            lambda: self.object(
                self.snippet_properties(model),
                title=capfirst(text(model._meta.verbose_name)),
                description=_doc(model),
            ),
        )

    def table_of_contents(self):
        return self.define(
            ("shape", "table_of_contents"),
            "TableOfContentsEntry",
            lambda: self.object(
                {
                    "anchor": described(STRING, description="The chapter heading's HTML id."),
                    "title": STRING,
                },
                title="Table of contents entry",
            ),
        )

    # -- page types ---------------------------------------------------------------------------

    def page_summary(self):
        """A page nested in a v2 response (``parent``, ``alias_of``)."""
        return self.define(
            ("shape", "page_summary"),
            "PageSummary",
            lambda: self.object(
                {
                    "id": INTEGER,
                    "meta": self.object(
                        {
                            "type": STRING,
                            "detail_url": STRING,
                            "html_url": nullable(STRING),
                        }
                    ),
                    "title": STRING,
                },
                title="Page summary",
            ),
        )

    def page_meta(self, model, meta_fields):
        known = {
            "type": {"const": model._meta.label},
            "detail_url": described(STRING, description="This response's URL."),
            "html_url": described(nullable(STRING), description="The page on the web site."),
            "slug": STRING,
            "show_in_menus": BOOLEAN,
            "seo_title": STRING,
            "search_description": STRING,
            "first_published_at": nullable(DATE_TIME),
            "alias_of": nullable(self.page_summary()),
            "parent": nullable(self.page_summary()),
            "locale": described(STRING, description="The page's language code."),
        }
        properties = {
            name: known.get(name, described({}, description=UNDESCRIBED)) for name in meta_fields
        }
        return self.object(properties)

    def page(self, model, meta_fields=None):
        """The API v2 detail response of page ``model``, as a schema with this builder's defs."""
        model = _model(model)
        if meta_fields is None:
            meta_fields = page_meta_fields()
        properties = {
            "id": INTEGER,
            "meta": self.page_meta(model, meta_fields),
            "title": STRING,
        }
        for name in api_field_names(model):
            properties[name] = self.page_field(model, name)
        return self.object(
            properties,
            title=capfirst(text(model._meta.verbose_name)),
            description=_doc(model),
        )

    def page_field(self, model, name):
        """The schema of ``model``'s API field ``name``."""
        declared = page_field_declaration(model, name)
        if declared is not None:
            schema = declared(self) if callable(declared) else copy.deepcopy(declared)
            return schema
        api_field = _api_field(model, name)
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        if getattr(api_field, "serializer", None) is not None or field is None:
            return described({}, description=UNDESCRIBED)
        return self.model_field(field)

    def model_field(self, field):
        """A model field as the API gives it."""
        from wagtail.fields import RichTextField, StreamField

        title = capfirst(text(field.verbose_name))
        description = text(field.help_text)
        if isinstance(field, StreamField):
            schema = self.block(field.stream_block)
        elif isinstance(field, RichTextField):
            schema = self.rich_text(field.features)
            if field.null:
                schema = nullable(schema)
        else:
            schema = model_field_schema(field)
        if "$ref" in schema:
            return described(schema, title, description)
        return described(schema, title, description or schema.get("description"))

    # -- documents -----------------------------------------------------------------------------

    def document(self, schema, schema_id=None):
        """A standalone schema: ``schema`` with the definitions it reaches, sorted."""
        document = {"$schema": JSON_SCHEMA_DIALECT}
        if schema_id:
            document["$id"] = schema_id
        document.update(schema)
        reachable = self.reachable(schema)
        if reachable:
            document["$defs"] = {name: self.defs[name] for name in sorted(reachable)}
        return document

    def reachable(self, schema):
        """Names of the definitions ``schema`` refers to, directly or through others."""
        found, pending = set(), [schema]
        while pending:
            for name in _refs(pending.pop()):
                if name not in found:
                    found.add(name)
                    pending.append(self.defs[name])
        return found

    def inline(self, schema, _stack=()):
        """``schema`` with every ``$ref`` replaced by its definition (for OpenAPI fields).

        A recursive reference is cut off as ``{}``.
        """
        if isinstance(schema, list):
            return [self.inline(item, _stack) for item in schema]
        if not isinstance(schema, dict):
            return schema
        if "$ref" in schema:
            name = schema["$ref"].removeprefix("#/$defs/")
            annotations = {key: value for key, value in schema.items() if key != "$ref"}
            if name in _stack:
                return {**annotations, "description": "Recursive: see " + name}
            resolved = self.inline(self.defs[name], (*_stack, name))
            return {**resolved, **annotations}
        return {key: self.inline(value, _stack) for key, value in schema.items()}


def _refs(schema):
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            yield ref.removeprefix("#/$defs/")
        for value in schema.values():
            yield from _refs(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _refs(value)
