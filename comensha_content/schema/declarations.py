"""Helpers for capabilities' schema declarations: model fields, choices, terms, page links."""

from django.apps import apps
from django.utils.text import capfirst

from comensha_content.schema.introspection import _doc
from comensha_content.schema.primitives import (
    STRING,
    described,
    text,
)
from comensha_content.schema.registry import register_page_field_schema


def _model(label):

    return apps.get_model(label)


def model_field_described(model, name, schema, description=None):
    """``schema`` titled with the model field's verbose name, described by its help text.

    ``description`` is added after the help text (what the API makes of the field).
    """
    field = _model(model)._meta.get_field(name)
    descriptions = [text(field.help_text), text(description)]
    return described(
        schema,
        capfirst(text(field.verbose_name)),
        " ".join(part for part in descriptions if part) or None,
    )


def _declare(model, name, factory, *, title=None, description=None):
    """Register ``factory(builder)`` for ``model.name``, annotated from the model field if any.

    Without ``title``, the title and help text come from the model field called ``name``.
    """

    def schema(builder):
        if title is None:
            return model_field_described(model, name, factory(builder), description)
        return described(factory(builder), title, description)

    register_page_field_schema(model, name, schema)


def _definition_properties(builder, ref):
    """The properties of the named definition ``ref`` (a ``$ref``), to extend it."""
    return dict(builder.defs[ref["$ref"].removeprefix("#/$defs/")]["properties"])


def choice(builder, choices):
    """``{code, label}`` of a TextChoices class (``_choice_api``, ``recommendations._choice``)."""
    return builder.define(
        ("choice", f"{choices.__module__}.{choices.__qualname__}"),
        choices.__name__,
        lambda: builder.object(
            {
                "code": {"type": "string", "enum": list(choices.values)},
                "label": described(STRING, description="The code's label in the page's language."),
            },
            title=choices.__name__,
            description=_doc(choices),
        ),
    )


def terms(builder, model):
    """A list of taxonomy terms (``LocalizedTermsField``, ``core.locales.TermResolver``)."""
    return {"type": "array", "items": builder.snippet(model)}


def page_links(builder):
    return {"type": "array", "items": builder.page_link()}
