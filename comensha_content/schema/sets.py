"""The published set: every block, page-type and endpoint schema of the package."""

from django.utils import translation

from comensha_content.schema.builder import SchemaBuilder
from comensha_content.schema.discovery import package_blocks, package_page_models
from comensha_content.schema.introspection import _model
from comensha_content.schema.primitives import (
    SCHEMA_ID_PREFIX,
)
from comensha_content.schema.registry import endpoint_schemas


class SchemaSet:
    """Every block and page-type schema of the package, built with one builder.

    ``blocks`` maps a definition name to its block, ``pages`` a model label to its schema and
    ``endpoints`` the name of another API v2 response (``recommendations.detail``: a detail response,
    ``recommendations.listing``: the listing) to its schema.
    """

    def __init__(self, strict=False):

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
            for name, factory in endpoint_schemas().items():
                self.endpoints[name] = factory(self.builder)

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
