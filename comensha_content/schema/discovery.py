"""What the package has: its block classes with named definitions and its page models."""

import importlib
import importlib.util
import pkgutil

from django.utils import translation
from wagtail import blocks

from comensha_content.schema.builder import SchemaBuilder
from comensha_content.schema.introspection import api_field_names, is_named_block
from comensha_content.schema.primitives import (
    APP_LABEL,
    PACKAGE,
    UNDESCRIBED,
)
from comensha_content.schema.registry import _dotted


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
