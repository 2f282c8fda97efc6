"""The StructBlock every storytelling block extends: cross-field checks and a DOM id."""

import uuid

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..api.representation import language_name
from ..conf import get_setting
from .stored import TolerantStoredValueMixin


def fallback_language(representation):
    """The source language's name to show beside a fallback, e.g. "(Dutch)", or "".

    ``representation`` is a chooser's representation with ``locale`` and ``is_fallback``.
    Empty when COMENSHA_CONTENT_SOURCE_FALLBACK_NOTICE is off.
    """
    if not representation or not representation.get("is_fallback"):
        return ""
    if not get_setting("SOURCE_FALLBACK_NOTICE"):
        return ""
    return language_name(representation["locale"])


class StoryStructBlock(TolerantStoredValueMixin, blocks.StructBlock):
    """StructBlock with checks that span fields, reported on the field the editor must change.

    Subclasses return ``{child_name: ValidationError}`` from ``field_errors``. Checks that only
    say something is missing can look at ``is_saving_draft`` and let a draft be saved.
    Templates get ``dom_id``: unique on the page when rendered from a stream (it is built from
    the stream child's id), random otherwise.
    """

    dom_id_prefix = "cc-block"

    def clean(self, value):
        cleaned = super().clean(value)
        errors = self.field_errors(cleaned)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return cleaned

    def field_errors(self, value):
        return {}

    @property
    def is_saving_draft(self):
        # Wagtail 7.4+ defers "required" checks when a draft is saved.
        return getattr(self, "is_deferred_validation", False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["dom_id"] = f"{self.dom_id_prefix}-{context.get('id') or uuid.uuid4().hex[:12]}"
        return context
