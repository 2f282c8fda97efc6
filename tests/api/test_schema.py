"""The published JSON Schemas match what the API returns: blocks, previews and every demo page.

Validation is strict here (``additionalProperties: false``, formats checked), so a key added to a
block's ``get_api_representation`` without a schema, or a value of another type, fails a test.
"""

import json

import jsonschema
import pytest
import wagtail
from django.utils import translation
from rest_framework.utils.encoders import JSONEncoder
from wagtail import blocks
from wagtail.models import Locale

from comensha_content.blocks import ImageBlock, StoryBodyBlock
from comensha_content.models import LongreadPage, NarratorKind
from comensha_content.schema import registry as schema_registry
from comensha_content.schema.builder import SchemaBuilder
from comensha_content.schema.discovery import (
    package_blocks,
    package_page_models,
    undescribed_fields,
)
from comensha_content.schema.registry import register_block_schema
from comensha_content.schema.sets import SchemaSet, block_schema, page_schema


def validate(instance, schema):
    """Validate ``instance`` against ``schema`` (draft 2020-12), formats included."""
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(instance), key=lambda error: list(error.path))
    if errors:
        details = "\n".join(
            f"- at {'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
            for error in errors[:10]
        )
        raise AssertionError(f"{len(errors)} schema error(s):\n{details}")


def as_json(representation):
    """``representation`` as API v2 writes it (DRF's encoder: lazy text, decimals, dates)."""
    return json.loads(json.dumps(representation, cls=JSONEncoder))


def is_valid(instance, schema):
    try:
        validate(instance, schema)
    except AssertionError:
        return False
    return True


def live_package_pages():
    """Every live page of the package's page types, specific, in every locale."""
    pages = []
    for model in package_page_models():
        pages.extend(model.objects.live().public().select_related("locale").order_by("path"))
    return pages


@pytest.fixture(scope="module")
def strict_schemas():
    return SchemaSet(strict=True)


# -- the schemas themselves ---------------------------------------------------------------------


def test_every_schema_is_a_valid_draft_2020_12_schema(strict_schemas):
    published = SchemaSet()
    documents = [published.block_document(name) for name in published.blocks]
    documents += [published.page_document(label) for label in published.pages]
    assert documents
    for document in documents:
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(document)


def test_every_story_block_has_a_schema_with_its_label_and_description(strict_schemas):
    names = set(strict_schemas.blocks)
    for name in StoryBodyBlock.base_blocks:
        block = StoryBodyBlock().child_blocks[name]
        definition = strict_schemas.builder.defs.get(type(block).__name__)
        assert definition is not None, f"no schema for {type(block).__name__}"
        assert type(block).__name__ in names
        with translation.override(None):
            assert definition["title"] == str(block.meta.label)
            assert str(block.meta.description) in definition["description"]


def test_story_body_is_a_tagged_union_of_its_children(strict_schemas):
    body = strict_schemas.builder.defs["StoryBodyBlock"]
    variants = body["items"]["oneOf"]
    assert [variant["properties"]["type"]["const"] for variant in variants] == list(
        StoryBodyBlock.base_blocks
    )
    chapter = variants[0]
    assert chapter["required"] == ["type", "value", "id"]
    assert chapter["properties"]["value"] == {"$ref": "#/$defs/ChapterBlock"}


def test_choice_blocks_give_an_enum_of_their_stable_codes(strict_schemas):
    layout = strict_schemas.builder.defs["ImageBlock"]["properties"]["layout"]
    assert layout["enum"] == [
        code for code, _label in ImageBlock().child_blocks["layout"].field.choices
    ]
    assert layout["enum"] == ["inline", "wide", "full-bleed"]
    narrator = strict_schemas.pages["comensha_content.LongreadPage"]["properties"]["narrator_kind"]
    assert narrator["enum"] == NarratorKind.values


def test_optional_leaves_are_nullable_and_required_ones_are_not(strict_schemas):
    chapter = strict_schemas.builder.defs["ChapterBlock"]["properties"]
    assert chapter["heading"]["type"] == "string"
    assert chapter["intro"]["type"] == ["string", "null"]


def test_no_page_field_is_left_undescribed():
    assert undescribed_fields() == [], (
        "Declare these fields' schemas in the model's api_field_schemas "
        "(or with comensha_content.schema.builder.register_page_field_schema)."
    )


def test_schemas_are_built_in_the_source_language_whatever_is_active():
    with translation.override("nl"):
        dutch = SchemaSet().builder.defs["ChapterBlock"]
    english = SchemaSet().builder.defs["ChapterBlock"]
    assert dutch == english
    assert english["title"] == "Chapter"


# -- strict validation fails where it should -----------------------------------------------------


def test_strict_schema_rejects_an_undeclared_key_and_an_unknown_stream_child():
    schema = block_schema(StoryBodyBlock(), strict=True)
    chapter = {"heading": "Begin", "intro": "", "anchor": "begin"}
    good = [{"type": "chapter", "value": chapter, "id": "a"}]
    assert is_valid(good, schema)
    assert not is_valid([{"type": "chapter", "value": {**chapter, "extra": 1}, "id": "a"}], schema)
    assert not is_valid([{"type": "retired", "value": {}, "id": "a"}], schema)
    assert not is_valid(
        [{"type": "chapter", "value": {**chapter, "heading": None}, "id": "a"}], schema
    )
    # the published (non-strict) schema lets a client accept keys added later
    assert is_valid(
        [{"type": "chapter", "value": {**chapter, "extra": 1}, "id": "a"}],
        block_schema(StoryBodyBlock()),
    )


# -- declarations --------------------------------------------------------------------------------


class RatingBlock(blocks.StructBlock):
    stars = blocks.IntegerBlock(label="Stars", help_text="From 1 to 5.")
    size = blocks.ChoiceBlock(choices=[("s", "Small"), ("l", "Large")], required=False)

    def get_api_representation(self, value, context=None):
        return {**super().get_api_representation(value, context), "label": "★" * value["stars"]}


class SelfDescribedBlock(blocks.CharBlock):
    def api_schema(self, builder):
        return {"type": "string", "pattern": "^x"}


def test_a_plain_struct_block_is_derived_from_its_children():
    schema = block_schema(blocks.StructBlock([("stars", blocks.IntegerBlock(help_text="1-5"))]))
    assert schema["properties"]["stars"] == {
        "type": "integer",
        "title": "Stars",
        "description": "1-5",
    }
    assert schema["required"] == ["stars"]


def test_a_registered_declaration_and_an_api_schema_method_are_used():
    register_block_schema(f"{__name__}.RatingBlock")(
        lambda builder, block: builder.struct(block, extra={"label": {"type": "string"}})
    )
    try:
        schema = block_schema(RatingBlock(), strict=True)
        value = RatingBlock().to_python({"stars": 3, "size": ""})
        validate(RatingBlock().get_api_representation(value), schema)
        assert schema["properties"]["size"]["enum"] == ["", "s", "l", None]
    finally:
        del schema_registry._block_schemas[f"{__name__}.RatingBlock"]
    assert block_schema(SelfDescribedBlock())["pattern"] == "^x"


# -- previews and demo pages ---------------------------------------------------------------------


def stored(block):
    """The block's preview value as read back after saving (saving gives stream children ids)."""
    return block.to_python(block.get_prep_value(block.get_preview_value()))


def _blocks_with_preview():
    return [block for block in package_blocks() if hasattr(block.meta, "preview_value")]


def test_every_preview_value_validates_against_its_block_schema(demo, strict_schemas):
    checked = []
    for locale in Locale.objects.all():
        with translation.override(locale.language_code):
            for block in _blocks_with_preview():
                representation = as_json(block.get_api_representation(stored(block), {}))
                schema = strict_schemas.block_schema_for(block)
                try:
                    validate(representation, schema)
                except AssertionError as error:
                    raise AssertionError(f"{type(block).__name__} ({locale}): {error}") from None
                checked.append(type(block).__name__)
    assert {"ChapterBlock", "FactBlock", "ImageBlock", "HelplineBlock", "TimelineBlock"} <= set(
        checked
    )


def test_every_demo_page_validates_against_its_page_schema_in_every_language(client, demo):
    pages = live_package_pages()
    languages = {page.locale.language_code for page in pages}
    assert len(languages) >= 2, "the demo has pages in Dutch and English"
    assert any(isinstance(page, LongreadPage) for page in pages)
    for page in pages:
        schema = page_schema(type(page), strict=True)
        response = client.get(f"/api/v2/pages/{page.pk}/")
        assert response.status_code == 200, response.content
        data = response.json()
        assert data["meta"]["locale"] == page.locale.language_code
        try:
            validate(data, schema)
        except AssertionError as error:
            raise AssertionError(f"{page.title} ({page.locale}): {error}") from None


def test_a_story_with_every_block_validates(client, demo):
    """The demo stories between them use most blocks; this checks the ones they use."""
    used = set()
    for page in LongreadPage.objects.live():
        used.update(child.block_type for child in page.body)
    assert {"chapter", "paragraph", "testimony"} <= used


WAGTAIL_8 = wagtail.VERSION >= (8, 0)
needs_wagtail_8 = pytest.mark.skipif(
    not WAGTAIL_8, reason="?rich_text_format= is Wagtail 8's (7.4 follows the setting only)"
)


@needs_wagtail_8
@pytest.mark.parametrize("rich_text_format", ["html", "db_html", "markdown"])
def test_rich_text_format_parameter_keeps_the_shape(client, demo, rich_text_format):
    page = LongreadPage.objects.live().filter(locale__language_code="en").first()
    response = client.get(f"/api/v2/pages/{page.pk}/", {"rich_text_format": rich_text_format})
    assert response.status_code == 200, response.content
    data = response.json()
    validate(data, page_schema(LongreadPage, strict=True))
    paragraphs = [child["value"] for child in data["body"] if child["type"] == "paragraph"]
    assert paragraphs
    if rich_text_format == "markdown":
        assert not any("<p>" in text for text in paragraphs)
    else:
        assert all(text.startswith("<p>") for text in paragraphs)


@needs_wagtail_8
def test_unknown_rich_text_format_is_a_400_with_a_message(client, demo):
    page = LongreadPage.objects.live().first()
    response = client.get(f"/api/v2/pages/{page.pk}/", {"rich_text_format": "rtf"})
    assert response.status_code == 400
    assert "rtf" in response.json()["message"]


def test_a_page_schema_describes_meta_type_as_the_model_label():
    schema = page_schema(LongreadPage)
    assert schema["properties"]["meta"]["properties"]["type"] == {
        "const": "comensha_content.LongreadPage"
    }
    assert "body" in schema["required"]
    assert schema["properties"]["body"]["$ref"] == "#/$defs/StoryBodyBlock"


def test_builder_inline_resolves_references():
    builder = SchemaBuilder()
    with translation.override(None):
        ref = builder.block(StoryBodyBlock())
    inlined = builder.inline(ref)
    assert "$ref" not in str(inlined)
    assert inlined["items"]["oneOf"][0]["properties"]["value"]["title"] == "Chapter"
