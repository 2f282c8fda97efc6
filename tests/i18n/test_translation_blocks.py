"""Every block of the package translates through wagtail-localize: no source text survives.

The blocks are found by introspection — every StreamField of every model of the app, walked
recursively — so a new block is covered without touching this test. Each is filled with its own
preview value (sample text), its segments are extracted and translated by wagtail-localize, and
every text leaf of the result must be translated.
"""

import inspect
import json
import uuid

import pytest
from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.rich_text import RichText
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import StreamFieldSegmentExtractor
from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter
from wagtail_localize.strings import StringValue

from comensha_content.core.translation import translate_instance
from comensha_content.models import LongreadPage
from comensha_content.schema.discovery import package_block_modules
from tests.helpers import record_consent

pytestmark = pytest.mark.django_db

MARK = "EN⟩ "
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)
NOT_TEXT = (blocks.URLBlock, blocks.EmailBlock, blocks.RegexBlock)

#: Base classes that are never used as blocks themselves.
ABSTRACT_BLOCKS = {"ContentStructBlock", "AnchoredStreamBlock", "SafeURLBlock"}


def package_stream_fields():
    for model in apps.get_app_config("comensha_content").get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                yield model, field


def walk(block):
    yield block
    if isinstance(block, blocks.ListBlock):
        yield from walk(block.child_block)
    for child in getattr(block, "child_blocks", {}).values():
        yield from walk(child)


def package_block_classes():
    for module in package_block_modules():
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, blocks.Block) and cls.__module__ == module.__name__:
                yield cls


def text_leaves(block, value, path=""):
    """(path, text) of every non-empty translatable text leaf of a block value."""
    if isinstance(block, NOT_TEXT):
        return
    if isinstance(block, TEXT_BLOCKS):
        text = strip_tags(value.source if isinstance(value, RichText) else value or "").strip()
        if text:
            yield path, text
    elif isinstance(block, blocks.StreamBlock):
        for index, child in enumerate(value):
            yield from text_leaves(child.block, child.value, f"{path}/{index}:{child.block_type}")
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(value):
            yield from text_leaves(block.child_block, item, f"{path}/{index}")
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from text_leaves(child, value.get(name), f"{path}/{name}")


def sample_stream(stream_block):
    """One child of every type the stream allows, filled with its preview value."""
    raw = [
        {
            "type": name,
            "value": child.get_prep_value(child.get_preview_value()),
            "id": str(uuid.uuid4()),
        }
        for name, child in stream_block.child_blocks.items()
    ]
    # through JSON, as stored: lazy translations in preview values become plain text
    return stream_block.to_python(json.loads(json.dumps(raw, cls=DjangoJSONEncoder)))


def assert_all_translated(stream_block, source_value, translated_value):
    source = dict(text_leaves(stream_block, source_value))
    translated = dict(text_leaves(stream_block, translated_value))
    assert source, "the sample has text to translate"
    assert translated.keys() == source.keys()
    untranslated = {path: text for path, text in translated.items() if MARK.strip() not in text}
    assert untranslated == {}, "source text survived translation"


def test_every_block_class_is_reachable_from_a_stream_field():
    used = {
        type(block)
        for _model, field in package_stream_fields()
        for block in walk(field.stream_block)
    }
    missing = [
        cls.__name__
        for cls in package_block_classes()
        if cls.__name__ not in ABSTRACT_BLOCKS and not any(issubclass(u, cls) for u in used)
    ]
    assert missing == [], "blocks no StreamField uses cannot be checked for translation"


@pytest.mark.parametrize(
    "model, field",
    list(package_stream_fields()),
    ids=lambda item: getattr(item, "name", getattr(item, "__name__", "")),
)
def test_every_text_leaf_of_every_stream_field_is_translated(model, field, locales):
    value = sample_stream(field.stream_block)
    if not dict(text_leaves(field.stream_block, value)):
        pytest.skip(f"{model.__name__}.{field.name} holds no text (only choosers)")
    segments = StreamFieldSegmentExtractor(field).handle_stream_block(value)
    translated_segments = [
        StringSegmentValue(
            segment.path, StringValue(MARK + segment.string.data), attrs=segment.attrs
        )
        if isinstance(segment, StringSegmentValue) and segment.string.data.strip()
        else segment
        for segment in segments
    ]
    translated_value = field.stream_block.to_python(field.stream_block.get_prep_value(value))
    StreamFieldSegmentsWriter(field, locales["nl"], locales["en"]).handle_stream_block(
        translated_value, translated_segments
    )
    assert_all_translated(field.stream_block, value, translated_value)


def test_a_story_with_every_block_translates_through_the_real_workflow(demo, locales):
    index = LongreadPage.objects.get(slug="lisa", locale=locales["nl"]).get_parent()
    story_body = LongreadPage._meta.get_field("body").stream_block
    story = index.add_child(
        instance=LongreadPage(
            title="Alle blokken",
            slug="alle-blokken",
            lede="Een verhaal met elk blok.",
            shown_name="Sam",
            body=sample_stream(story_body),
            locale=locales["nl"],
        )
    )
    record_consent(story)
    story.save_revision().publish()
    english = translate_instance(story, locales["en"], lambda text: MARK + text)
    assert english.title.startswith(MARK.strip()) and english.live
    assert_all_translated(story_body, story.body, english.body)
