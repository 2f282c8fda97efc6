"""A story's hero image and its text alternative: the story's alt text, else the image's
description from the library, empty only when marked decorative; publishing without any is
refused on the alt text field (drafts save). Checked in the HTML and in API v2 and v3."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from comensha_content.models import LongreadPage
from tests.helpers import soup
from tests.longread.test_longread_admin import add_url, story_form

pytestmark = pytest.mark.django_db

DESCRIPTION = "Getekend silhouet van een vrouw bij een raam"
REFUSED = "Beschrijf de hoofdafbeelding"


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def errors_of(response):
    return response.context["form"].errors


def test_publishing_a_hero_without_any_alt_is_refused_on_the_alt_field(
    client, moderator_user, index, photo
):
    client.force_login(moderator_user)
    response = client.post(add_url(index), story_form(index, photo, hero_image=photo.pk))
    assert response.status_code == 200
    errors = errors_of(response)
    assert list(errors) == ["hero_image_alt"]  # on the field (and so on its tab), not the form
    assert REFUSED in errors["hero_image_alt"][0]
    assert not LongreadPage.objects.filter(slug="jeffrey").exists()


def test_an_editor_may_save_a_draft_but_not_send_it_for_moderation(
    client, editor_user, index, photo
):
    client.force_login(editor_user)
    data = story_form(index, photo, hero_image=photo.pk)
    del data["action-publish"]
    assert client.post(add_url(index), data).status_code == 302  # a draft
    story = LongreadPage.objects.get(slug="jeffrey", locale=index.locale)
    assert not story.live
    response = client.post(edit_url(story), {**data, "action-submit": "action-submit"})
    assert response.status_code == 200
    assert REFUSED in errors_of(response)["hero_image_alt"][0]
    assert not story.workflow_in_progress  # not sent to the moderators


@pytest.mark.parametrize(
    "alt, description, decorative",
    [("", DESCRIPTION, False), ("", "", True), ("Tekst", "", True)],
)
def test_the_description_or_decorative_is_enough_to_publish(
    client, moderator_user, index, photo, alt, description, decorative
):
    photo.description = description
    photo.save()
    client.force_login(moderator_user)
    overrides = {"hero_image": photo.pk, "hero_image_alt": alt}
    if decorative:
        overrides["hero_image_decorative"] = "on"
    response = client.post(add_url(index), story_form(index, photo, **overrides))
    assert response.status_code == 302, errors_of(response)


def test_bulk_publish_refuses_a_hero_without_alt(client, demo_admin_client, index, photo):
    story = LongreadPage.objects.filter(locale=index.locale, live=True).first()
    story.hero_image = photo
    story.hero_image_alt = ""
    story.hero_image_decorative = False
    story.save_revision()
    from comensha_content.core.publishing import publish_problems

    assert any(REFUSED in problem for problem in publish_problems(story))


@pytest.fixture
def published_story(index, photo):
    """A demo story (consent recorded) whose hero is ``photo``, published by code."""

    def publish(alt="", description="", decorative=False):
        photo.description = description
        photo.save()
        story = LongreadPage.objects.filter(locale=index.locale, live=True).first()
        story.hero_image = photo
        story.hero_image_alt = alt
        story.hero_image_decorative = decorative
        story.save_revision().publish()
        return Page.objects.get(pk=story.pk).specific

    return publish


def hero_alts(client, story):
    """The hero's alt in the story's HTML, API v2 and API v3 (where Wagtail has it)."""
    from wagtail import VERSION

    html = soup(client.get(story.url).content)
    [img] = html.select("img.cc-hero__img")
    alts = {"html": img["alt"]}
    v2 = client.get(f"/api/v2/pages/{story.pk}/").json()["api_hero_image"]
    alts["v2"] = (v2["alt"], v2["decorative"])
    if VERSION >= (8, 0):
        v3 = client.get(f"/api/v3/pages/{story.pk}/").json()["api_hero_image"]
        alts["v3"] = (v3["alt"], v3["decorative"])
    return alts


def expected(html, decorative):
    from wagtail import VERSION

    result = {"html": html, "v2": (html, decorative)}
    if VERSION >= (8, 0):
        result["v3"] = (html, decorative)
    return result


def test_an_empty_alt_gives_the_reader_the_image_description(client, published_story):
    story = published_story(alt="", description=DESCRIPTION)
    assert hero_alts(client, story) == expected(DESCRIPTION, False)


def test_the_story_alt_text_wins_over_the_description(client, published_story):
    story = published_story(alt="  Een raam in de schemering ", description=DESCRIPTION)
    assert hero_alts(client, story) == expected("Een raam in de schemering", False)


def test_a_decorative_hero_has_an_empty_alt_whatever_was_typed(client, published_story):
    story = published_story(alt="Een raam", description=DESCRIPTION, decorative=True)
    assert hero_alts(client, story) == expected("", True)


def test_the_index_card_uses_the_same_alt(client, published_story, index):
    story = published_story(alt="", description=DESCRIPTION)
    html = soup(client.get(index.url).content)
    link = html.find("a", href=story.url)
    card = link.find_parent(["li", "article"])
    assert card.find("img")["alt"] == DESCRIPTION


def test_the_alt_field_says_the_description_is_used(client, moderator_user, index):
    client.force_login(moderator_user)
    story = LongreadPage.objects.filter(locale=index.locale).first()
    html = soup(client.get(edit_url(story)).content)
    field = html.select_one('input[name="hero_image_alt"]')
    [help_text] = [
        html.find(id=name)
        for name in field["aria-describedby"].split()
        if name.endswith("-helptext")
    ]
    assert "Laat leeg om de beschrijving te gebruiken" in help_text.get_text()


# --- every other path to live: code, workflows, scheduled publishing, API v3 -------------------


@pytest.fixture
def story_without_alt(index, photo):
    """A live demo story (consent recorded) whose latest revision has a hero without any alt."""
    photo.description = ""
    photo.save()
    story = LongreadPage.objects.filter(locale=index.locale, live=True).first()
    live_revision = story.live_revision_id
    draft = story.get_latest_revision_as_object()
    draft.hero_image = photo
    draft.hero_image_alt = ""
    draft.hero_image_decorative = False
    revision = draft.save_revision()
    assert revision.pk != live_revision
    return story


def assert_still_the_old_live_version(story, photo):
    fresh = Page.objects.get(pk=story.pk).specific
    assert fresh.live and fresh.live_revision_id == story.live_revision_id
    assert fresh.hero_image_id != photo.pk


def test_revision_publish_from_code_is_refused(story_without_alt, photo):
    from comensha_content.core.publishing import PublishRefused

    with pytest.raises(PublishRefused, match=REFUSED):
        story_without_alt.get_latest_revision().publish()
    assert_still_the_old_live_version(story_without_alt, photo)


def test_scheduled_publishing_refuses_it_says_why_and_publishes_the_others(
    story_without_alt, photo, index
):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import PageLogEntry

    past = timezone.now() - datetime.timedelta(minutes=1)
    refused = story_without_alt.get_latest_revision()
    refused.approved_go_live_at = past
    refused.save()
    other = LongreadPage.objects.filter(locale=index.locale, live=True).exclude(
        pk=story_without_alt.pk
    )[0]
    draft = other.get_latest_revision_as_object()
    draft.lede = "Een nieuwe inleiding, ingepland."
    scheduled = draft.save_revision()
    scheduled.approved_go_live_at = past
    scheduled.save()

    call_command("publish_scheduled", verbosity=0)

    assert_still_the_old_live_version(story_without_alt, photo)
    refused.refresh_from_db()
    assert refused.approved_go_live_at is None  # out of the schedule, not retried every run
    entry = PageLogEntry.objects.get(
        page=story_without_alt, action="comensha_content.publish_refused"
    )
    assert REFUSED in entry.data["reason"]
    assert entry.message == (  # what the page's history shows
        "Ingepland publiceren geweigerd: de pagina voldoet niet aan de regels voor publicatie"
    )
    other.refresh_from_db()
    assert other.live_revision_id == scheduled.pk and other.lede == draft.lede


def test_api_v3_publish_action_is_refused_with_the_reason(client, story_without_alt, photo):
    from comensha_content.api import v3

    if not v3.is_available():
        pytest.skip("API v3 needs Wagtail 8")
    from tests.api.test_v3_writes import token_for

    user = LongreadPage._meta.apps.get_model("auth", "User").objects.create_superuser(
        "publisher", "p@example.org", "x"
    )
    response = client.post(
        f"/api/v3/pages/{story_without_alt.pk}/actions/publish/",
        content_type="application/json",
        headers={"authorization": f"Bearer {token_for(user)}", "accept-language": "nl"},
    )
    assert response.status_code == 422, response.content
    assert REFUSED in response.content.decode()
    assert_still_the_old_live_version(story_without_alt, photo)
