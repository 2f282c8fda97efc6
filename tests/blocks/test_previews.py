"""Every block shows a described preview in the admin block picker, and is built to translate."""

import pytest
from django.urls import reverse
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from comensha_content.blocks import FactsBlock, SourceBlock, SourcesBlock, StoryBodyBlock
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def library():
    body = StoryBodyBlock()
    return [*body.child_blocks.values(), FactsBlock(), SourcesBlock(), SourceBlock()]


@pytest.mark.parametrize("block", library(), ids=lambda block: type(block).__name__)
def test_block_has_picker_metadata(block):
    meta = block.meta
    assert meta.icon and meta.icon != "placeholder"
    assert str(meta.label)
    assert str(meta.group)
    assert str(block.get_description())
    assert meta.template.startswith("comensha_content/blocks/")
    assert block.is_previewable


@pytest.mark.parametrize("block", library(), ids=lambda block: type(block).__name__)
def test_block_preview_renders_in_the_admin(block, client, django_user_model, block_locales):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "x"))
    response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    html = soup(response.content.decode())
    assert html.find(
        "link", href=lambda href: href and href.endswith("comensha_content/blocks/blocks.css")
    )
    # without images, documents or helplines in the site, a block may preview empty, never fail
    assert html.find("main") is not None


def text_leaves(block, path=""):
    """(path, leaf block) of every field block inside ``block``."""
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from text_leaves(child, f"{path}.{name}")
    elif isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            yield from text_leaves(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        yield from text_leaves(block.child_block, f"{path}[]")
    else:
        yield path, block


TRANSLATED = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)
SYNCHRONISED = (
    blocks.URLBlock,  # wagtail-localize keeps URLs, a translator may override them
    blocks.BooleanBlock,
    blocks.ChoiceBlock,
    blocks.DecimalBlock,
    blocks.IntegerBlock,
    blocks.DateBlock,
    blocks.PageChooserBlock,
    ImageChooserBlock,
    DocumentChooserBlock,
    SnippetChooserBlock,
)


def test_story_text_is_in_standard_translatable_leaves():
    leaves = dict(text_leaves(StoryBodyBlock()))
    unknown = {
        path: type(block).__name__
        for path, block in leaves.items()
        if not isinstance(block, TRANSLATED + SYNCHRONISED)
        and type(block).__name__ not in {"AnchorBlock"}
    }
    assert unknown == {}
    translated = {path for path, block in leaves.items() if isinstance(block, TRANSLATED)}
    assert {
        ".chapter.heading",
        ".paragraph",
        ".testimony.name",
        ".testimony.text",
        ".perspective.domain",
        ".fact.label",
        ".fact.unit",
        ".image.alt_text",
        ".image.caption",
        ".media.transcript",
        ".timeline[].title",
        ".content_warning.topic",
        ".content_warning.body.paragraph",
        ".accordion.items[].answer",
    } <= translated
    # codes and anchors stay the same in every language
    assert not isinstance(leaves[".chapter.anchor"], TRANSLATED)
    assert not isinstance(leaves[".fact.source_url"], TRANSLATED)
