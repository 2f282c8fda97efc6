"""API v3 (Wagtail 8): the package's page types and StreamFields typed in OpenAPI and /schema/.

Wagtail's v3 API types a StreamField as ``list[Any]`` and a property in ``api_fields`` as
``Any``. ``register()``, called from the AppConfig's ``ready()``, publishes the schemas of
``comensha_content.schema`` instead, through Wagtail's public extension points only:

- ``read_generator.register_field_schema(StreamField, ...)`` types every StreamField that uses
  this package's blocks (also on a site's own page models), and
- ``registry.register(...)`` re-registers the package's page types with every API field typed.

Validation stays loose (the fields are ``Any`` to pydantic, only their JSON Schema is precise),
so a stale stored value - a removed block type, a struct missing a new child - never turns a
read into a 422; the tests check the output strictly against the same schemas instead.

Values are resolved in the page's own language, as the v2 serializer does, so choosers and
snippets in an English page's body come out in English whatever the request's language.

The pages router reads the registry when it is first imported (when the URLconf loads), so
``register()`` must run before that: this app precedes the Wagtail apps in INSTALLED_APPS
(system check comensha_content.E001). On Wagtail 7.4, or without ``wagtail.api.v3`` in
INSTALLED_APPS, ``register()`` does nothing.
"""

import copy
import logging
import sys
from typing import Annotated, Any

import wagtail
from django.apps import apps
from django.utils import translation

from comensha_content.schema.builder import SchemaBuilder
from comensha_content.schema.discovery import package_page_models
from comensha_content.schema.introspection import api_field_names, page_field_declaration

logger = logging.getLogger(__name__)

PAGES_ROUTER_MODULE = "wagtail.api.v3.routers.pages"

#: The builder whose schemas are published; non-strict, so clients accept additions.
_builder = None
_registered = False


def is_available():
    """Wagtail 8's API v3 is installed."""
    return wagtail.VERSION >= (8, 0) and apps.is_installed("wagtail.api.v3")


def get_builder():
    global _builder
    if _builder is None:
        _builder = SchemaBuilder()
    return _builder


def inline_schema(schema):
    """``schema`` with its ``$ref``s resolved: OpenAPI keeps it in the field, self-contained."""
    return get_builder().inline(schema)


def _uses_package_blocks(block):
    from comensha_content.schema.discovery import _walk_blocks
    from comensha_content.schema.primitives import PACKAGE

    return any(type(child).__module__.startswith(PACKAGE + ".") for child in _walk_blocks(block))


def localized(function):
    """Run ``function(obj, context)`` in ``obj``'s language, as API v2's serializer does."""

    def resolve(obj, context):
        locale = getattr(obj, "locale", None)
        if locale is None:
            return function(obj, context)
        with translation.override(locale.language_code):
            return function(obj, context)

    return resolve


def stream_resolver(field_name):
    def resolve(obj, context):
        value = getattr(obj, field_name)
        return value.stream_block.get_api_representation(value, context)

    return localized(resolve)


def typed(schema):
    """An annotation that accepts any value and publishes ``schema`` (read in both modes)."""
    from pydantic import WithJsonSchema

    return Annotated[Any, WithJsonSchema(inline_schema(schema))]


def _stream_field_schema(original):
    """Wrap Wagtail's StreamField schema function: type the package's streams, keep the rest."""

    def field_schema(generator, field):
        annotation, default, resolver = original(generator, field)
        if not _uses_package_blocks(field.stream_block):
            return annotation, default, resolver
        with translation.override(None):
            schema = get_builder().model_field(field)
        return typed(schema), default, staticmethod(stream_resolver(field.name))

    field_schema.comensha_original = original
    return field_schema


def _serializer_resolver(api_field):
    """Resolve an ``APIField(serializer=...)`` the way API v2 does, on a private copy."""
    from rest_framework.fields import SkipField

    serializer = copy.deepcopy(api_field.serializer)
    serializer.bind(field_name=api_field.name, parent=None)

    def resolve(obj, context):
        try:
            value = serializer.get_attribute(obj)
        except SkipField:
            return None
        return None if value is None else serializer.to_representation(value)

    return resolve


def _attribute_resolver(name):
    return lambda obj, context: getattr(obj, name)


def page_read_fields(model):
    """``{name: (annotation, default, resolver)}`` for the fields the package types itself.

    Plain model fields keep Wagtail's typing (it is precise and has Wagtail's own semantics),
    except fields with choices, which get their ``enum``. StreamFields, properties and fields
    with a custom serializer get the package's schema and are resolved in the page's language.
    """
    from django.core.exceptions import FieldDoesNotExist
    from wagtail.fields import RichTextField, StreamField

    from comensha_content.schema.introspection import _api_field

    builder = get_builder()
    fields = {}
    for name in api_field_names(model):
        api_field = _api_field(model, name)
        serializer = getattr(api_field, "serializer", None)
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        if serializer is not None:
            if page_field_declaration(model, name) is None:
                continue  # Wagtail's own shim resolves it; nothing more precise to say
            resolver = _serializer_resolver(api_field)
        elif isinstance(field, StreamField):
            fields[name] = (
                _published(builder, model, name),
                [],
                staticmethod(stream_resolver(name)),
            )
            continue
        elif field is None:
            resolver = _attribute_resolver(name)
        elif field.choices and not isinstance(field, RichTextField):
            resolver = _attribute_resolver(name)
        else:
            continue
        fields[name] = (_published(builder, model, name), None, staticmethod(localized(resolver)))
    return fields


def _published(builder, model, name):
    with translation.override(None):
        schema = builder.page_field(model, name)
    return typed(schema)


def read_schema(model):
    """Wagtail's read schema of page ``model``, with the package's fields typed."""
    from wagtail.api.v3.schemas import PageSchema, read_generator

    base = read_generator.generate_schema(model, base_class=PageSchema)
    fields = page_read_fields(model)
    if not fields:
        return base
    return read_generator.extend_schema(base, f"{model._meta.object_name}Schema", fields)


def register():
    """Publish the package's schemas in API v3. Call from ``AppConfig.ready()``.

    Returns False (and does nothing) where API v3 is not available.
    """
    global _registered
    if not is_available():
        return False
    if _registered:
        return True
    if PAGES_ROUTER_MODULE in sys.modules:
        logger.warning(
            "comensha_content registered its API v3 schemas after Wagtail's pages router was "
            "imported: /api/v3/ keeps Wagtail's untyped StreamFields. List 'comensha_content' "
            "above the Wagtail apps in INSTALLED_APPS and do not import wagtail.api.v3.urls "
            "from an AppConfig.ready()."
        )
    from wagtail.api.v3.schemas import read_generator
    from wagtail.fields import StreamField

    original = read_generator.field_schemas.get(StreamField)
    if original is not None and not hasattr(original, "comensha_original"):
        read_generator.register_field_schema(StreamField, _stream_field_schema(original))

    # Importing the registry builds every page type's schema (with the StreamField typing
    # above); the package's own page types are then registered again with all fields typed.
    from wagtail.api.v3.registry import ContentTypeRegistration, registry

    for model in package_page_models():
        existing = registry.get(model._meta.label)
        registry.register(
            ContentTypeRegistration(
                name=model._meta.label,
                label=str(model._meta.verbose_name),
                read_schema=read_schema(model),
                create_schema=existing.create_schema if existing else None,
                patch_schema=existing.patch_schema if existing else None,
            )
        )
    _registered = True
    return True


def openapi_document():
    """The v3 OpenAPI document as served at ``/api/v3/openapi.json``, or None on Wagtail 7.4."""
    if not is_available():
        return None
    from wagtail.api.v3.urls import api

    return api.get_openapi_schema()
