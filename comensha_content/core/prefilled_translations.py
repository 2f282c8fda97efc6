"""Names and codes start translated as the source text, so translators don't retype them.

A shown name ("Sara"), an organisation's name or abbreviation, a speaker's name in a testimony
stay the same in most languages. wagtail-localize offers them as texts to translate, one by one.
This fills their translation with the source text as soon as a translation (or a new segment of
it) exists; the translator sees it filled and can still change it in the translation editor.
A translation someone made is never replaced.

What is filled is declared where the field is:

- a model: ``translation_prefilled_fields = ("shown_name",)`` (its own fields);
- a StructBlock: ``class Meta: prefilled_from_source = ("name",)`` (its child blocks).
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.fields import StreamField

#: The tool name wagtail-localize records with a pre-filled translation; its editor shows
#: "Translated with a copy of the source text on <date>" (stored in the language active then).
TOOL_NAME = gettext_lazy("a copy of the source text")


def _source_instance(source):
    """The source content as an instance, built once per version of the source."""
    cached = getattr(source, "_comensha_prefill_instance", None)
    if cached is not None and cached[0] == source.content_json:
        return cached[1]
    instance = source.as_instance()
    source._comensha_prefill_instance = (source.content_json, instance)
    return instance


def _stream_child(block, value, component):
    """(block, value) one step down a StreamField path (an id, or a struct child's name)."""
    if isinstance(block, blocks.StructBlock):
        child = block.child_blocks.get(component)
        return (child, value.get(component)) if child is not None else (None, None)
    if isinstance(block, blocks.ListBlock):
        for item in value.bound_blocks:
            if item.id == component:
                return block.child_block, item.value
        return None, None
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            if child.id == component:
                return child.block, child.value
    return None, None


def _block_is_prefilled(field, value, components):
    block, parent = field.stream_block, None
    for component in components:
        parent = block
        block, value = _stream_child(block, value, component)
        if block is None or value is None:
            return False
    name = components[-1] if components else None
    prefilled = getattr(getattr(parent, "meta", None), "prefilled_from_source", ())
    return isinstance(parent, blocks.StructBlock) and name in prefilled


def is_prefilled(instance, path):
    """Whether the segment at ``path`` (wagtail-localize's context path) starts as the source."""
    components = path.split(".")
    if len(components) == 1:
        return components[0] in getattr(instance, "translation_prefilled_fields", ())
    try:
        field = instance._meta.get_field(components[0])
    except FieldDoesNotExist:  # a path of an older version of the model
        return False
    if isinstance(field, StreamField):
        return _block_is_prefilled(field, field.value_from_object(instance), components[1:])
    return False


def prefill_segments(segments, translations):
    """Translate each pre-filled segment of ``segments`` as its source text, where untranslated."""
    from wagtail_localize.models import StringTranslation

    for segment in segments:
        if not is_prefilled(_source_instance(segment.source), segment.context.path):
            continue
        for translation in translations:
            StringTranslation.objects.get_or_create(
                translation_of_id=segment.string_id,
                locale_id=translation.target_locale_id,
                context_id=segment.context_id,
                defaults={
                    "data": segment.string.data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": str(TOOL_NAME),
                    "has_error": False,
                    "field_error": "",
                },
            )


def prefill_new_translation(sender, instance, created=False, raw=False, **kwargs):
    """post_save of a Translation: its names start as the source's."""
    if created and not raw:
        segments = instance.source.stringsegment_set.select_related("context", "string")
        for segment in segments:
            segment.source = instance.source  # one source object: its instance is built once
        prefill_segments(segments, [instance])


def prefill_new_segment(sender, instance, created=False, raw=False, **kwargs):
    """post_save of a StringSegment (the source changed): a new name starts as the source's."""
    if created and not raw:
        translations = list(instance.source.translations.all())
        if translations:
            prefill_segments([instance], translations)
