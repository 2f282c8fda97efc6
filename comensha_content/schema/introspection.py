"""Model fields, API fields and page-field declarations as JSON Schema inputs."""

import inspect

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from wagtail import blocks

from comensha_content.schema.primitives import (
    BOOLEAN,
    DATE,
    DATE_TIME,
    INTEGER,
    PACKAGE,
    STRING,
    UNDESCRIBED,
    described,
    nullable,
    text,
)
from comensha_content.schema.registry import _dotted, _page_field_schemas


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
