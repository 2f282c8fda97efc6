"""The story form as a member of Wagtail's Editors group sees it, in the Dutch and the English
admin: one wording for changed names, a name for the reader's contents that no form element
shares, and fact numbers read as meant in drafts too."""

from decimal import Decimal

import pytest
from django.utils import translation

from comensha_content.blocks import StoryBodyBlock
from comensha_content.blocks.people import TestimonyBlock
from comensha_content.blocks.text import PullQuoteBlock
from comensha_content.models import LongreadPage
from tests.helpers import soup, text_of
from tests.longread.test_longread_admin import (
    add_url,
    body_in_form,
    fact_with,
    professional_story,
)

pytestmark = pytest.mark.django_db

#: The reader's table of contents, as the story page heads it.
CONTENTS = {"nl": "Inhoud", "en": "Contents"}


@pytest.fixture(params=["nl", "en"])
def editor_client(request, client, editor_user):
    """The test client as the Editors member, with Wagtail's admin in ``request.param``."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor_user)
    profile.preferred_language = request.param
    profile.save()
    client.force_login(editor_user)
    client.interface = request.param
    return client


def block_labels(block):
    """Every label in a block definition, at any depth (what the block chooser and forms show)."""
    labels = [str(block.label)] if block.label else []
    children = getattr(block, "child_blocks", None) or {}
    if hasattr(block, "child_block"):  # ListBlock
        children = {"item": block.child_block}
    for child in children.values():
        labels.extend(block_labels(child))
    return labels


def form_labels(html):
    """Tabs, panel headings and field labels of a rendered admin form."""
    elements = html.select('[role="tab"], [data-panel-heading-text], label.w-field__label')
    return [text_of(element).split(" (")[0].rstrip("*").strip() for element in elements]


def test_the_readers_contents_is_the_only_thing_so_named(editor_client, index):
    language = editor_client.interface
    html = soup(editor_client.get(add_url(index)).content.decode())
    with translation.override(language):
        blocks = block_labels(StoryBodyBlock())
    labels = form_labels(html)
    assert {"Verhaal", "Story"} & set(labels)  # the form was read
    assert CONTENTS[language] not in labels + blocks
    story = LongreadPage.objects.get(slug="lisa", locale=index.locale)
    if language == "en":
        story = story.get_translation(story.locale.__class__.objects.get(language_code="en"))
    reader = soup(editor_client.get(story.url).content.decode())
    assert text_of(reader.find(id="toc-heading")) == CONTENTS[language]


def test_a_whole_story_warning_is_not_named_like_the_passage_block(editor_client, index):
    html = soup(editor_client.get(add_url(index)).content.decode())
    with translation.override(editor_client.interface):
        block = str(StoryBodyBlock().child_blocks["content_warning"].label)
    labels = form_labels(html)
    assert block not in labels
    assert any(label.startswith(block) for label in labels)  # "… for the whole story"


def test_testimony_block_and_its_text_have_different_labels_in_both_languages(editor_client):
    with translation.override(editor_client.interface):
        block = TestimonyBlock()
        assert str(block.label) != str(block.child_blocks["text"].label)


def test_changed_names_have_one_wording_in_the_story_and_its_blocks(editor_client, index):
    html = soup(editor_client.get(add_url(index)).content.decode())
    checkbox = html.find("input", attrs={"name": "shown_name_is_pseudonym"})
    label = text_of(html.find("label", attrs={"for": checkbox["id"]}))
    help_ids = [name for name in checkbox["aria-describedby"].split() if name.endswith("helptext")]
    help_text = text_of(html.find(id=help_ids[0]))
    with translation.override(editor_client.interface):
        testimony = TestimonyBlock().child_blocks["is_pseudonym"]
        quote = PullQuoteBlock().child_blocks["attribution_is_pseudonym"]
        wording = {(str(block.label), str(block.field.help_text)) for block in (testimony, quote)}
    assert wording == {(label, help_text)}
    assert "pseudon" not in text_of(html.find("form")).lower()


@pytest.mark.parametrize(
    ("typed", "stored"), [("1.500.000", Decimal("1500000")), ("1.500,5", Decimal("1500.5"))]
)
def test_an_editors_draft_keeps_the_fact_number_as_meant(
    editor_client, index, photo, typed, stored
):
    data = professional_story(index, photo, [("fact", fact_with(typed))])
    del data["action-publish"]
    response = editor_client.post(add_url(index), data)
    assert response.status_code == 302, response.context["form"].errors
    story = LongreadPage.objects.get(slug="jeffrey", locale=index.locale)
    assert story.get_latest_revision_as_object().body[0].value["value"] == stored


def test_an_editors_draft_refuses_an_ambiguous_fact_number(editor_client, index, photo):
    data = professional_story(index, photo, [("fact", fact_with("1.500"))])
    del data["action-publish"]
    response = editor_client.post(add_url(index), data)
    assert response.status_code == 200  # nothing saved: never 1.5
    assert not LongreadPage.objects.filter(slug="jeffrey").exists()
    _typed, errors = body_in_form(response)
    [message] = errors["blockErrors"]["0"]["blockErrors"]["value"]["messages"]
    expected = {"nl": "„1.500” kan 1500 of 1.5 betekenen", "en": "“1.500” could be 1500 or 1.5"}
    assert message.startswith(expected[editor_client.interface])


def test_an_editor_is_suggested_helplines_in_their_language(editor_client, index, photo):
    from django.urls import reverse

    from tests.longread.test_longread_admin import story_form

    draft = story_form(index, photo)  # a victim's story without a Helplines block
    del draft["action-publish"]
    assert editor_client.post(add_url(index), draft).status_code == 302
    story = LongreadPage.objects.get(slug="jeffrey", locale=index.locale)
    form = soup(editor_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content)
    suggestions = text_of(form.find(attrs={"data-editor-suggestions": True}))
    expected = {
        "nl": "heeft geen blok Hulplijnen",
        "en": "has no Helplines block",
    }
    assert expected[editor_client.interface] in suggestions
