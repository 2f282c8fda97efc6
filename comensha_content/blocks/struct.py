"""The StructBlock every storytelling block extends: cross-field checks and a DOM id."""

import uuid

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.stored import TolerantStoredValueMixin

#: Children whose value is not text; any other FieldBlock holds text (a string or None).
NON_TEXT_FIELDS = (
    blocks.RichTextBlock,
    blocks.IntegerBlock,
    blocks.FloatBlock,
    blocks.DecimalBlock,
    blocks.DateBlock,
    blocks.TimeBlock,
    blocks.DateTimeBlock,
    blocks.BooleanBlock,
    blocks.MultipleChoiceBlock,
    blocks.ChooserBlock,
    blocks.PageChooserBlock,
)


def missing_child_value(child):
    """What the API represents for a child a value lacks: "" for text, None for anything else."""
    is_text = isinstance(child, blocks.FieldBlock) and not isinstance(child, NON_TEXT_FIELDS)
    return "" if is_text else None


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

    def api_value(self, value):
        """``value`` for Wagtail's ``get_api_representation``: with exactly this block's children.

        A value normalised from a partial dict lacks children, which Wagtail would leave out of
        the API: each missing one is given as ``missing_child_value``.
        Names that are not children (which Wagtail would raise on) are left out.
        """
        if len(value) == len(self.child_blocks) and all(
            name in value for name in self.child_blocks
        ):
            return value
        return self._to_struct_value(
            [
                (name, value[name] if name in value else missing_child_value(child))
                for name, child in self.child_blocks.items()
            ]
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["dom_id"] = f"{self.dom_id_prefix}-{context.get('id') or uuid.uuid4().hex[:12]}"
        return context


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
