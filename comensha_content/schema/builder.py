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
2. ``register_block_schema("module.ClassName")`` here, keyed by block class (or a base class);
3. the generic derivation from the definition.

Page types work the same way: model fields and StreamFields in ``api_fields`` are derived; a
property or a custom serializer needs ``api_field_schemas = {name: schema or callable}`` on the
model, or ``register_page_field_schema("app.Model", "field")`` here. Fields without a schema are
published as ``{}`` ("not described") and listed by ``undescribed_fields``.

Schemas are built in the source language of the interface strings (English msgids), so the
export is the same whatever language is active.
"""

import copy
import importlib
import importlib.util
import inspect
import pkgutil
import sys
from collections.abc import Callable

from django import forms
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import translation
from django.utils.text import capfirst
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
RICH_TEXT_DESCRIPTION = (
    "Rich text in the format of WAGTAILAPI_RICH_TEXT_FORMAT or ?rich_text_format= "
    "(db_html by default; html expands internal links)."
)


# --- declarations ------------------------------------------------------------------------------

_block_schemas: dict[str, Callable] = {}
_page_field_schemas: dict[tuple[str, str], object] = {}


def register_block_schema(*dotted_paths):
    """Declare the API schema of the block classes at ``dotted_paths`` ("module.ClassName").

    The decorated function is called as ``function(builder, block)`` and returns a schema. It
    applies to subclasses too, unless they have their own declaration. Keys are dotted paths, so
    a declaration does not import the block's module (nor fail while it is not installed).
    """

    def decorator(function):
        for path in dotted_paths:
            _block_schemas[path] = function
        return function

    return decorator


def register_page_field_schema(model_label, field_name, schema):
    """Declare the schema of ``field_name`` in the API of page model ``model_label``.

    ``schema`` is a dict, or a callable ``schema(builder)`` returning one.
    """
    _page_field_schemas[(model_label, field_name)] = schema


def _dotted(cls):
    """The class's stable path: its ``DECONSTRUCT_ALIASES`` entry (see blocks/paths.py), or where it is."""
    aliases = getattr(sys.modules.get(cls.__module__), "DECONSTRUCT_ALIASES", {})
    return aliases.get(cls) or f"{cls.__module__}.{cls.__qualname__}"


def declared_block_schema(block):
    """The declaration that applies to ``block``, as a ``function(builder, block)``, or None."""
    own = getattr(type(block), "api_schema", None)
    if callable(own):
        return lambda builder, block: block.api_schema(builder)
    for cls in type(block).__mro__:
        function = _block_schemas.get(_dotted(cls))
        if function is not None:
            return function
    return None


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
        schema["required"] = list(properties if required is None else required)
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

    # -- shared shapes (api/representation.py) ----------------------------------------------

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
            meta_fields = v2_page_meta_fields()
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


# --- model introspection -----------------------------------------------------------------------


def _model(model):
    return apps.get_model(model) if isinstance(model, str) else model


def _doc(obj):
    """The first paragraph of a class's own docstring (not an inherited one)."""
    doc = obj.__dict__.get("__doc__") if isinstance(obj, type) else obj.__doc__
    if not doc or (isinstance(obj, type) and doc.startswith(f"{obj.__name__}(")):
        return ""  # none, or the one Django makes up for a model without a docstring
    return " ".join(inspect.cleandoc(doc).split("\n\n")[0].split())


def model_field_schema(field):
    """A concrete model field's JSON value as DRF serialises it."""
    if field.choices:
        codes = [str(code) for code, _label in field.flatchoices]
        if field.blank and "" not in codes:
            codes.append("")
        schema = {"enum": codes}
        if isinstance(field, models.CharField):
            schema = {"type": "string", "enum": codes}
    elif isinstance(field, models.BooleanField):
        schema = dict(BOOLEAN)
    elif isinstance(field, models.AutoField | models.IntegerField):
        schema = dict(INTEGER)
    elif isinstance(field, models.DecimalField | models.FloatField):
        schema = {"type": ["number", "string"]}
    elif isinstance(field, models.DateTimeField):
        schema = dict(DATE_TIME)
    elif isinstance(field, models.DateField):
        schema = dict(DATE)
    elif isinstance(field, models.ForeignKey):
        schema = {"type": "object", "properties": {"id": INTEGER}, "required": ["id"]}
    elif isinstance(field, models.CharField | models.TextField):
        schema = dict(STRING)
    else:
        schema = {}
    if field.null and schema:
        schema = nullable(schema)
    return schema


def model_representation_properties(model):
    """``{key: schema}`` of ``model().get_api_representation()``, typed from the model's fields.

    The keys come from calling the method on an unsaved instance (with a placeholder locale for
    translatable models); each key's type from the model field of that name (``locale`` is a
    language code). A key without such a field is ``{}``.
    """
    from wagtail.models import Locale, TranslatableMixin

    instance = model()
    if issubclass(model, TranslatableMixin):
        instance.locale = Locale(language_code="und")
    representation = instance.get_api_representation()
    properties = {}
    for key in representation:
        if key == "locale" and issubclass(model, TranslatableMixin):
            properties[key] = described(STRING, description="Language code.")
            continue
        try:
            field = model._meta.get_field(key)
        except FieldDoesNotExist:
            properties[key] = described({}, description=UNDESCRIBED)
            continue
        schema = model_field_schema(field)
        properties[key] = described(
            schema, capfirst(text(field.verbose_name)), text(field.help_text) or None
        )
    return properties


def _api_field(model, name):
    for entry in getattr(model, "api_fields", ()) or ():
        if getattr(entry, "name", entry) == name:
            return entry
    return None


def api_field_names(model):
    return [getattr(entry, "name", entry) for entry in getattr(model, "api_fields", ()) or ()]


def page_field_declaration(model, name):
    """A field's declared schema: the model's ``api_field_schemas``, else the registry."""
    own = getattr(model, "api_field_schemas", None) or {}
    if name in own:
        return own[name]
    for cls in model.__mro__:
        meta = getattr(cls, "_meta", None)
        if meta is None:
            continue
        declared = _page_field_schemas.get((meta.label, name))
        if declared is not None:
            return declared
    return None


def v2_page_meta_fields():
    """The ``meta`` keys of the package's v2 pages endpoint in a detail response."""
    from comensha_content.api.v2 import ComenshaPagesAPIViewSet

    return list(ComenshaPagesAPIViewSet.meta_fields)


# --- what the package has ------------------------------------------------------------------------


def _block_key(block):
    """Blocks of one class share a definition unless they were built with different children."""
    cls = type(block)
    if isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        own = tuple(
            (name, _block_key(child), type(child).__name__)
            for name, child in block.child_blocks.items()
        )
        declared = tuple(
            (name, _block_key(child), type(child).__name__)
            for name, child in getattr(cls, "base_blocks", {}).items()
        )
        return (_dotted(cls),) if own == declared else (_dotted(cls), own)
    if isinstance(block, blocks.ListBlock):
        return (_dotted(cls), _block_key(block.child_block))
    return (_dotted(cls),)


def is_named_block(block):
    """The package's composite blocks and the blocks editors pick get a named definition."""
    cls = type(block)
    if not cls.__module__.startswith(PACKAGE + "."):
        return False
    if isinstance(block, blocks.StructBlock | blocks.StreamBlock | blocks.ListBlock):
        return True
    own_meta = _own_meta(cls)
    return bool(own_meta and ("label" in vars(own_meta) or "description" in vars(own_meta)))


def _own_meta(cls):
    """The ``Meta`` declared on ``cls`` itself (Wagtail's metaclass folds it into _meta_class)."""
    candidates = cls._meta_class.__bases__
    inherited = {getattr(base, "_meta_class", None) for base in cls.__bases__}
    return candidates[0] if candidates and candidates[0] not in inherited else None


def package_block_modules():
    """The block modules of the package: ``blocks/`` and each capability's ``blocks`` module."""
    root = importlib.import_module(PACKAGE)
    package = importlib.import_module(f"{PACKAGE}.blocks")
    modules = [package]
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda info: info.name):
        modules.append(importlib.import_module(f"{package.__name__}.{info.name}"))
    for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda info: info.name):
        if info.ispkg and importlib.util.find_spec(f"{PACKAGE}.{info.name}.blocks"):
            modules.append(importlib.import_module(f"{PACKAGE}.{info.name}.blocks"))
    return modules


def package_blocks():
    """An instance of every block class of the package that has a named definition.

    Classes that cannot be built without arguments (leaf blocks with required options) and
    bases without children are left out; they appear inline where they are used.
    """
    found = {}
    for module in package_block_modules():
        for _name, cls in sorted(vars(module).items()):
            if not (
                isinstance(cls, type)
                and issubclass(cls, blocks.Block)
                and cls.__module__ == module.__name__
            ):
                continue
            try:
                block = cls()
            except TypeError:
                continue
            if isinstance(block, blocks.StructBlock | blocks.StreamBlock) and not (
                block.child_blocks
            ):
                continue
            if is_named_block(block):
                found[_dotted(cls)] = block
    for model in package_page_models():
        for field in model._meta.get_fields():
            stream_block = getattr(field, "stream_block", None)
            if stream_block is not None:
                for block in _walk_blocks(stream_block):
                    if is_named_block(block):
                        found.setdefault(_dotted(type(block)), block)
    return [found[key] for key in sorted(found)]


def _walk_blocks(block):
    yield block
    if isinstance(block, blocks.ListBlock):
        yield from _walk_blocks(block.child_block)
    for child in getattr(block, "child_blocks", {}).values():
        yield from _walk_blocks(child)


def package_page_models():
    """The package's concrete page models, in registration order."""
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if model._meta.app_label == APP_LABEL]


def undescribed_fields():
    """``["app.Model.field", ...]``: API fields of the package's page types without a schema."""
    missing = []
    builder = SchemaBuilder()
    with translation.override(None):
        for model in package_page_models():
            for name in api_field_names(model):
                if builder.page_field(model, name).get("description") == UNDESCRIBED:
                    missing.append(f"{model._meta.label}.{name}")
    return missing


# --- the published set ---------------------------------------------------------------------------


class SchemaSet:
    """Every block and page-type schema of the package, built with one builder.

    ``blocks`` maps a definition name to its block, ``pages`` a model label to its schema and
    ``endpoints`` the name of another API v2 response (``recommendations.detail``: a detail response,
    ``recommendations.listing``: the listing) to its schema.
    """

    def __init__(self, strict=False):
        from comensha_content.schema.field_schemas import (
            recommendation_endpoint_item,
            recommendation_listing,
        )

        self.builder = SchemaBuilder(strict=strict)
        self.blocks = {}
        self.pages = {}
        self.endpoints = {}
        with translation.override(None):
            for block in package_blocks():
                ref = self.builder.block(block)
                self.blocks[ref["$ref"].removeprefix("#/$defs/")] = block
            for model in package_page_models():
                self.pages[model._meta.label] = self.builder.page(model)
            self.endpoints["recommendations.detail"] = recommendation_endpoint_item(self.builder)
            self.endpoints["recommendations.listing"] = recommendation_listing(self.builder)

    def block_document(self, name):
        schema = self.builder.defs[name]
        return self.builder.document(schema, schema_id=f"{SCHEMA_ID_PREFIX}:blocks:{name}")

    def page_document(self, label):
        return self.builder.document(
            self.pages[label], schema_id=f"{SCHEMA_ID_PREFIX}:pages:{label}"
        )

    def endpoint_document(self, name):
        return self.builder.document(
            self.endpoints[name], schema_id=f"{SCHEMA_ID_PREFIX}:endpoints:{name}"
        )

    def block_schema_for(self, block):
        """A standalone schema of ``block`` (any block, also one not in the package)."""
        with translation.override(None):
            schema = self.builder.block(block)
        return self.builder.document(schema)


def block_schema(block, strict=False):
    """A standalone JSON Schema of ``block``'s API representation."""
    builder = SchemaBuilder(strict=strict)
    with translation.override(None):
        schema = builder.block(block)
    return builder.document(schema)


def page_schema(model, strict=False):
    """A standalone JSON Schema of page ``model``'s API v2 detail response."""
    builder = SchemaBuilder(strict=strict)
    with translation.override(None):
        schema = builder.page(_model(model))
    return builder.document(schema)


# --- declarations of the package's blocks whose representation differs from their children ----
#
# Each one names only what get_api_representation adds or reshapes; the rest is derived from
# the block's children, so a label, help text or choice changed in the block shows up here.

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
    return builder.struct(
        block, extra={"attribution": described(STRING, description='"Name, role".')}
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


# --- declarations of the package's page fields that are not model fields ---------------------

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

from comensha_content.schema import field_schemas  # noqa: E402, F401  (registers the Kompas and tracker field schemas)
