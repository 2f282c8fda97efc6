"""Declarations of API shapes that a block's or model's definition does not tell.

Each capability declares its own in its ``schemas.py`` module, imported from
``AppConfig.ready()``; keys are stable dotted paths (see ``blocks/paths.py``) and model labels,
so declaring loads no models."""

import sys
from collections.abc import Callable

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


_endpoint_schemas: dict[str, Callable] = {}
_page_meta_fields: list[str] = []


def register_endpoint_schema(name, factory):
    """Declare the schema of another API response, e.g. ``recommendations.detail``.

    ``factory(builder)`` returns the schema; ``SchemaSet`` exports it as ``endpoints/<name>.json``.
    """
    _endpoint_schemas[name] = factory


def endpoint_schemas():
    """``{name: factory}`` of the declared endpoint schemas, by name."""
    return dict(sorted(_endpoint_schemas.items()))


def set_page_meta_fields(names):
    """The ``meta`` keys of the site's v2 pages endpoint (set by ``comensha_content.api``)."""
    _page_meta_fields[:] = list(names)


def page_meta_fields():
    """The ``meta`` keys a page's detail response has; Wagtail's own until the API sets them."""
    if _page_meta_fields:
        return list(_page_meta_fields)
    from wagtail.api.v2.views import PagesAPIViewSet

    return list(PagesAPIViewSet.meta_fields)
