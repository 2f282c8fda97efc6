"""The StructBlock every storytelling block extends: cross-field checks and a DOM id."""

import uuid

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.stored import TolerantStoredValueMixin
from comensha_content.core.conf import get_setting
from comensha_content.core.representation import language_name


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


class ContentStructBlock(TolerantStoredValueMixin, blocks.StructBlock):
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


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
