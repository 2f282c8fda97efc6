"""The fields' help texts in wagtail-localize's translation editor.

Editors read a help text under every field ("The first name shown to readers, usually a changed
name", "E.g. 'victims of human trafficking a year (estimate)'"); translators saw only the field's
label.
wagtail-localize builds each segment's location (tab, field, sub-field) in
``views.edit_translation.get_segment_location_info``: it sends a model field's help text as
``fieldHelpText``, none for a block, and its editor shows neither. This wraps that function so
that every segment carries the help text of its field or block in ``fieldHelpText`` and, where the
editor shows it, under the sub-field heading (``subField``): "What it counts — E.g. ...".

The wrapper only adds to wagtail-localize's answer; if a release renames the function, nothing is
wrapped and the editor works as before (tests/i18n/test_translation_editor.py then fails).
"""

import functools

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from wagtail import blocks
from wagtail.fields import StreamField

#: Between a sub-field's label and its help text in the editor's heading.
SEPARATOR = " — "


def block_help_text(stream_block, components):
    """The help text of the block at ``components`` (a field path below the StreamField)."""
    block = stream_block
    for component in components:
        if isinstance(block, blocks.ListBlock):
            block = block.child_block
            if component == "item":
                continue
        child_blocks = getattr(block, "child_blocks", None)
        if not child_blocks or component not in child_blocks:
            return ""
        block = child_blocks[component]
    if isinstance(block, blocks.ListBlock):
        block = block.child_block
    help_text = getattr(block.meta, "help_text", None)
    if not help_text and isinstance(block, blocks.FieldBlock):
        help_text = block.field.help_text  # a field block keeps it on its form field
    return str(help_text or "")


def field_help_text(source_instance, field_path):
    """The help text a translator needs for the segment at ``field_path`` ("" if none)."""
    components = field_path.split(".")
    field = source_instance._meta.get_field(components[0])
    if isinstance(field, StreamField):
        return block_help_text(field.stream_block, components[1:])
    if len(components) > 1 and hasattr(field, "related_model"):  # an inline child's field
        try:
            field = field.related_model._meta.get_field(components[1])
        except FieldDoesNotExist:  # a path of an older version: no help
            return ""
    return str(getattr(field, "help_text", "") or "")


def with_help_text(location, help_text):
    if not help_text:
        return location
    location = {**location, "fieldHelpText": help_text}
    sub_field = location.get("subField")
    location["subField"] = (
        f"{capfirst(sub_field)}{SEPARATOR}{help_text}" if sub_field else help_text
    )
    return location


def install():
    """Wrap wagtail-localize's segment locations once (AppConfig.ready)."""
    from wagtail_localize.views import edit_translation

    original = getattr(edit_translation, "get_segment_location_info", None)
    if original is None or getattr(original, "_comensha_help_texts", False):
        return

    @functools.wraps(original)
    def get_segment_location_info(source_instance, tab_helper, content_path, field_path, **kw):
        location = original(source_instance, tab_helper, content_path, field_path, **kw)
        return with_help_text(location, field_help_text(source_instance, field_path))

    get_segment_location_info._comensha_help_texts = True
    edit_translation.get_segment_location_info = get_segment_location_info
