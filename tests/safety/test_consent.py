"""Consent: its own record behind its own permissions; no story without it; offline when it ends.

Tried with the real roles: Wagtail's default Editors and Moderators groups, a translator of the
English tree, a consent officer (the group the data migration creates) and anonymous readers,
on the demo's stories (each has an invented consent record, see home/demo/longread.py).
"""

import datetime
import json

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry, Revision
from wagtail_localize.models import TranslationSource

from comensha_content.models import LongreadPage, StoryConsent
from comensha_content.safety.consent import ConsentStatus, add_years, consent_status
from comensha_content.safety.consent_lifecycle import OFFLINE_ACTION, apply_consent, sweep

pytestmark = pytest.mark.django_db

NOTES_SENTINEL = "CONSENTNOTESq7w3"


@pytest.fixture
def lisa(demo):
    """Lisa's Dutch story, live with its English translation; its notes carry the sentinel."""
    story = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
    record = StoryConsent.objects.get(translation_key=story.translation_key)
    record.internal_notes = NOTES_SENTINEL
    record.save()
    return story


def english(story):
    return story.get_translation(Locale.objects.get(language_code="en"))


def consent_form(story, **overrides):
    today = timezone.localdate()
    data = {
        "story": story.pk,
        "consent_date": today.isoformat(),
        "review_date": add_years(today, 2).isoformat(),
        "withdrawn_on": "",
        "scope_locales": [locale.pk for locale in Locale.objects.all()],
        "on_web": "on",
        "via_api": "on",
        "internal_notes": NOTES_SENTINEL,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def add_url():
    return reverse("story_consent:add")


def edit_url(record):
    return reverse("story_consent:edit", args=[record.pk])


def public_outputs(client, story):
    """What anonymous readers get of a story: its page, API v2/v3, search and the sitemap."""
    pages_v2 = client.get("/api/v2/pages/", {"type": "comensha_content.LongreadPage"}).json()
    found = client.get("/api/v2/pages/", {"search": story.title}).json()
    outputs = {
        "page": client.get(story.url).status_code,
        "v2 detail": client.get(f"/api/v2/pages/{story.pk}/").status_code,
        "v2 listing": story.pk in [item["id"] for item in pages_v2["items"]],
        "v2 search": story.pk in [item["id"] for item in found["items"]],
    }
    outputs["sitemap"] = story.full_url in client.get("/sitemap.xml").content.decode()
    v3 = client.get(f"/api/v3/pages/{story.pk}/")
    if v3.status_code != 404 or client.get("/api/v3/pages/").status_code == 200:
        outputs["v3 detail"] = v3.status_code
        listing = client.get(
            "/api/v3/pages/", {"type": "comensha_content.LongreadPage", "limit": 20}
        ).json()
        outputs["v3 listing"] = story.pk in [item["id"] for item in listing["items"]]
    return outputs


def offline(outputs):
    return all(value in (404, False) for value in outputs.values())


def online(outputs):
    return all(value in (200, True) for value in outputs.values())


# --- the record and its form -----------------------------------------------------------------


def test_a_consent_officer_records_consent_for_a_story_in_all_its_languages(
    client, consent_officer, demo
):
    story = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
    StoryConsent.objects.filter(translation_key=story.translation_key).delete()
    client.force_login(consent_officer)
    response = client.post(add_url(), consent_form(story))
    assert response.status_code == 302, response.context["form"].errors
    record = StoryConsent.objects.get(translation_key=story.translation_key)
    assert record.internal_notes == NOTES_SENTINEL
    assert consent_status(english(story)) == ConsentStatus.VALID  # one record, every language
    entry = record_log_entries(record).get()
    assert entry.action == "wagtail.create"
    assert NOTES_SENTINEL not in str(entry.data) and NOTES_SENTINEL not in entry.label


def record_log_entries(record):
    from wagtail.models import ModelLogEntry

    return ModelLogEntry.objects.filter(object_id=str(record.pk))


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"review_date": "2029-01-11", "consent_date": "2026-01-10"}, "review_date", "2029-01-10"),
        ({"review_date": "2026-01-10", "consent_date": "2026-01-10"}, "review_date", "na de datum"),
        (
            {"withdrawn_on": "2025-12-31", "consent_date": "2026-01-10"},
            "withdrawn_on",
            "ingetrokken",
        ),
    ],
)
def test_bad_dates_are_form_errors_and_nothing_is_saved(
    client, consent_officer, demo, overrides, field, message
):
    story = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
    record = StoryConsent.objects.get(translation_key=story.translation_key)
    before = StoryConsent.objects.values().get(pk=record.pk)
    client.force_login(consent_officer)
    response = client.post(edit_url(record), consent_form(story, **overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors[field]), errors
    assert StoryConsent.objects.values().get(pk=record.pk) == before  # nothing half saved
    assert story.get_latest_revision_as_object().live


def test_consent_for_a_page_that_is_not_a_story_is_a_form_error(client, consent_officer, demo):
    client.force_login(consent_officer)
    count = StoryConsent.objects.count()
    response = client.post(add_url(), consent_form(demo.home))
    assert response.status_code == 200
    assert "alleen" in " ".join(response.context["form"].errors["story"])
    assert StoryConsent.objects.count() == count


def test_a_story_has_one_record(client, consent_officer, lisa):
    client.force_login(consent_officer)
    response = client.post(add_url(), consent_form(english(lisa)))
    assert response.status_code == 200
    assert "al" in " ".join(response.context["form"].errors["story"])


# --- who sees what ----------------------------------------------------------------------------


def admin_views_of(story):
    """Every admin view of a story an editor or translator may open."""
    revisions = list(story.revisions.order_by("pk").values_list("pk", flat=True))
    views = [
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        reverse("wagtailadmin_pages:history", args=[story.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[story.pk]),
        reverse("wagtailadmin_pages:copy", args=[story.pk]),
        reverse("wagtailadmin_pages:search") + f"?q={story.title}",
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_home"),
    ]
    if len(revisions) > 1:
        views.append(
            reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[story.pk, revisions[0], revisions[-1]],
            )
        )
    return views


@pytest.fixture
def edited_lisa(lisa):
    """Lisa's story with a second revision, so that there is something to compare."""
    draft = lisa.get_latest_revision_as_object()
    draft.lede = draft.lede + " (bewerkt)"
    draft.save_revision().publish()
    translation = english(lisa).get_latest_revision_as_object()
    translation.lede = translation.lede + " (edited)"
    translation.save_revision().publish()
    return lisa


@pytest.mark.parametrize("role", ["editor_user", "moderator_user", "translator_user"])
def test_roles_without_consent_permission_never_see_scope_or_notes(
    client, edited_lisa, role, request
):
    user = request.getfixturevalue(role)
    client.force_login(user)
    stories = [english(edited_lisa)] if role == "translator_user" else [edited_lisa]
    if role != "translator_user":
        stories.append(english(edited_lisa))
    seen = 0
    for story in stories:
        for url in admin_views_of(story):
            response = client.get(url)
            if response.status_code == 200:
                seen += 1
                html = response.content.decode()
                assert NOTES_SENTINEL not in html, url
                assert "internal_notes" not in html and "scope_locales" not in html, url
    assert seen >= 6  # the edit, history and compare views were really shown
    record = StoryConsent.objects.get(translation_key=edited_lisa.translation_key)
    for url in [add_url(), edit_url(record), reverse("story_consent:index")]:
        assert client.get(url).status_code in (302, 403), url
    changed = client.post(edit_url(record), consent_form(edited_lisa, internal_notes="changed"))
    assert changed.status_code in (302, 403)
    record.refresh_from_db()
    assert record.internal_notes == NOTES_SENTINEL
    assert (
        reverse("story_consent:index")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_editors_see_the_status_and_no_more(client, editor_user, lisa):
    client.force_login(editor_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[lisa.pk])).content.decode()
    record = StoryConsent.objects.get(translation_key=lisa.translation_key)
    assert f"Toestemming is geldig tot {record.review_date.isoformat()}." in html
    assert "Toestemming beheren" not in html  # no link to a record they may not open


def test_the_translation_editor_shows_no_consent(client, translator_user, edited_lisa):
    client.force_login(translator_user)
    translation = english(edited_lisa)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "wagtail-localize" in html or "translation" in html.lower()  # the translation editor
    assert NOTES_SENTINEL not in html


def test_consent_officers_see_and_manage_the_record(client, consent_officer, lisa):
    client.force_login(consent_officer)
    record = StoryConsent.objects.get(translation_key=lisa.translation_key)
    assert NOTES_SENTINEL in client.get(edit_url(record)).content.decode()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Toestemmingen die herzien moeten worden" in home


def test_no_copy_of_consent_in_revisions_or_translation_sources(edited_lisa, lisa):
    from wagtail_localize.models import TranslationSource as Source

    Source.update_or_create_from_instance(lisa.get_latest_revision_as_object())
    for revision in Revision.objects.all():
        assert NOTES_SENTINEL not in str(revision.content)
        assert "consent_records" not in revision.content
    for source in TranslationSource.objects.all():
        assert NOTES_SENTINEL not in source.content_json


def test_a_page_copy_carries_no_consent(lisa, editor_user):
    copy = lisa.copy(
        update_attrs={"slug": "lisa-kopie", "title": "Lisa (kopie)"}, keep_live=False, user=None
    )
    assert copy.translation_key != lisa.translation_key
    assert consent_status(copy) == ConsentStatus.MISSING
    revision = copy.save_revision()
    with pytest.raises(Exception, match="toestemming"):
        revision.publish()
    copy.refresh_from_db()
    assert not copy.live


# --- publishing needs consent ---------------------------------------------------------------


@pytest.fixture
def unconsented_draft(lisa):
    """Lisa's story without a consent record, unpublished (as a new story would be)."""
    StoryConsent.objects.filter(translation_key=lisa.translation_key).delete()
    for page in LongreadPage.objects.filter(translation_key=lisa.translation_key):
        page.unpublish()
    return LongreadPage.objects.get(pk=lisa.pk)


def test_bulk_publish_refuses_a_story_without_consent(client, moderator_user, unconsented_draft):
    client.force_login(moderator_user)  # Wagtail's Editors may not publish; Moderators may
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={unconsented_draft.pk}&next=/admin/"
    )
    response = client.post(url, {"include_descendants": ""}, follow=True)
    messages = " ".join(str(message) for message in response.context["messages"])
    assert "Er is niets gepubliceerd" in messages
    unconsented_draft.refresh_from_db()
    assert not unconsented_draft.live


def test_revision_publish_refuses_without_consent(unconsented_draft):
    revision = unconsented_draft.save_revision()
    with pytest.raises(Exception, match="toestemming"):
        revision.publish()
    unconsented_draft.refresh_from_db()
    assert not unconsented_draft.live


def test_scheduled_publishing_refuses_and_says_why(unconsented_draft):
    from django.core.management import call_command

    draft = unconsented_draft.get_latest_revision_as_object()
    draft.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision = draft.save_revision()
    revision.approved_go_live_at = draft.go_live_at
    revision.save()
    call_command("publish_scheduled")
    unconsented_draft.refresh_from_db()
    assert not unconsented_draft.live
    assert PageLogEntry.objects.filter(
        page=unconsented_draft, action="comensha_content.consent_publish_refused"
    ).exists()


def test_api_v3_refuses_to_publish_without_consent(client, unconsented_draft, django_user_model):
    pytest.importorskip("wagtail.api.v3")
    from wagtail.models import APIToken

    user = django_user_model.objects.create_superuser("api-writer", "w@example.org", "x")
    _token, plaintext = APIToken.create_token(user=user, name="writes")
    response = client.post(
        f"/api/v3/pages/{unconsented_draft.pk}/actions/publish/",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )
    assert response.status_code == 422, response.content
    assert "toestemming" in response.content.decode() or "consent" in response.content.decode()
    unconsented_draft.refresh_from_db()
    assert not unconsented_draft.live


def test_a_professionals_story_without_testimony_needs_no_consent(lisa):
    StoryConsent.objects.filter(translation_key=lisa.translation_key).delete()
    draft = lisa.get_latest_revision_as_object()
    assert draft.needs_consent()  # a victim narrates it
    draft.narrator_kind = "professional"
    draft.body = [block for block in draft.body.raw_data if block["type"] != "testimony"]
    assert not any("testimony" in str(block) for block in draft.body.raw_data)
    assert not draft.needs_consent()
    draft.save_revision().publish()
    lisa.refresh_from_db()
    assert lisa.live and lisa.narrator_kind == "professional"


# --- withdrawal and review date take the story offline everywhere --------------------------


def officer_changes(client, consent_officer, story, **changes):
    """A consent officer, in a browser of their own, saves the story's record with ``changes``."""
    record = StoryConsent.objects.get(translation_key=story.translation_key)
    officer = client.__class__()
    officer.force_login(consent_officer)
    dates = {"consent_date": record.consent_date, "review_date": record.review_date}
    values = {
        key: value.isoformat() if hasattr(value, "isoformat") else value
        for key, value in {**dates, **changes}.items()
    }
    return officer.post(edit_url(record), consent_form(story, **values))


def test_withdrawal_takes_the_story_and_its_translation_offline_at_once(
    client, consent_officer, lisa
):
    translation = english(lisa)
    assert online(public_outputs(client, lisa)) and online(public_outputs(client, translation))
    response = officer_changes(client, consent_officer, lisa, withdrawn_on=timezone.localdate())
    assert response.status_code == 302, response.context["form"].errors
    assert offline(public_outputs(client, lisa)), public_outputs(client, lisa)
    assert offline(public_outputs(client, translation))
    for page in (lisa, translation):
        entry = PageLogEntry.objects.filter(page=page).order_by("-timestamp").first()
        assert entry.action == OFFLINE_ACTION
        assert entry.user == consent_officer


def test_a_passed_review_date_takes_the_story_offline_on_the_next_request(client, lisa):
    translation = english(lisa)
    record = StoryConsent.objects.get(translation_key=lisa.translation_key)
    sweep()  # caches the next day a consent takes effect
    assert online(public_outputs(client, lisa))
    with time_machine.travel(record.review_date + datetime.timedelta(days=1, hours=12)):
        assert offline(public_outputs(client, lisa)), public_outputs(client, lisa)
        assert offline(public_outputs(client, translation))
    lisa.refresh_from_db()
    assert not lisa.live
    assert PageLogEntry.objects.filter(page=lisa, action=OFFLINE_ACTION).exists()


def test_a_story_is_refused_at_serve_time_even_if_the_sweep_missed_it(client, lisa):
    StoryConsent.objects.filter(translation_key=lisa.translation_key).update(
        withdrawn_on=timezone.localdate()
    )  # a bulk update sends no signal: the cached sweep day is stale
    assert client.get(lisa.url).status_code == 404
    assert lisa.full_url not in client.get("/sitemap.xml").content.decode()


def test_expiry_follows_the_review_date_but_keeps_an_editors_earlier_date(lisa):
    record = StoryConsent.objects.get(translation_key=lisa.translation_key)
    apply_consent(record)
    lisa.refresh_from_db()
    end = timezone.make_aware(
        datetime.datetime.combine(record.review_date + datetime.timedelta(days=1), datetime.time())
    )
    assert lisa.expire_at == end  # publish_scheduled is the backup
    earlier = timezone.now() + datetime.timedelta(days=10)
    LongreadPage.objects.filter(pk=lisa.pk).update(expire_at=earlier)
    previous = record.review_date
    record.review_date = record.review_date - datetime.timedelta(days=1)
    record.save()
    apply_consent(record, previous)
    lisa.refresh_from_db()
    assert lisa.expire_at == earlier


def test_a_scope_without_english_takes_the_english_story_offline_and_refuses_it(
    client, consent_officer, lisa
):
    translation = english(lisa)
    response = officer_changes(client, consent_officer, lisa, scope_locales=[lisa.locale_id])
    assert response.status_code == 302
    assert online(public_outputs(client, lisa))
    assert offline(public_outputs(client, translation))
    with pytest.raises(Exception, match="taal"):
        translation.specific.save_revision().publish()


def test_a_scope_without_the_api_keeps_the_story_out_of_the_apis_only(client, lisa, settings):
    record = StoryConsent.objects.get(translation_key=lisa.translation_key)
    record.via_api = False
    record.save()
    outputs = public_outputs(client, lisa)
    assert outputs["page"] == 200 and outputs["sitemap"]
    assert outputs["v2 detail"] == 404 and not outputs["v2 listing"] and not outputs["v2 search"]
    if settings.WAGTAIL_8:
        assert outputs["v3 detail"] == 404 and not outputs["v3 listing"]
        listing = client.get("/api/v3/pages/", {"type": "comensha_content.LongreadPage"}).json()
        assert listing["count"] == len(listing["items"])


# --- reminders ------------------------------------------------------------------------------


def test_reviews_due_report_lists_overdue_and_upcoming_reviews(client, consent_officer, lisa):
    record = StoryConsent.objects.get(translation_key=lisa.translation_key)
    record.review_date = timezone.localdate() + datetime.timedelta(days=30)
    record.save()
    client.force_login(consent_officer)
    html = client.get(reverse("consent_reviews")).content.decode()
    assert lisa.title in html
    assert NOTES_SENTINEL not in html


def test_editors_get_no_reviews_report(client, editor_user, demo):
    client.force_login(editor_user)
    assert client.get(reverse("consent_reviews")).status_code in (302, 403)
    assert (
        "Toestemmingen die herzien" not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


# --- existing data ----------------------------------------------------------------------------


def test_the_data_migration_scrubs_consent_from_revisions_and_translation_sources(lisa):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "comensha_content.migrations.0006_move_consent_out_of_pages"
    )
    revision = lisa.latest_revision
    revision.content["consent_records"] = [{"internal_notes": NOTES_SENTINEL}]
    revision.save()
    source = TranslationSource.objects.get_for_instance_or_none(lisa)
    if source is not None:
        content = json.loads(source.content_json)
        content["consent_records"] = [{"internal_notes": NOTES_SENTINEL}]
        source.content_json = json.dumps(content)
        source.save()
    migration.scrub_stored_copies(apps, None)
    revision.refresh_from_db()
    assert "consent_records" not in revision.content
    if source is not None:
        source.refresh_from_db()
        assert NOTES_SENTINEL not in source.content_json


def test_the_consent_officers_group_has_the_consent_permissions_and_the_editors_do_not(demo):
    from django.contrib.auth.models import Group

    officers = set(
        Group.objects.get(name="Consent officers").permissions.values_list("codename", flat=True)
    )
    assert {"view_storyconsent", "add_storyconsent", "change_storyconsent"} <= officers
    assert "access_admin" in officers
    for name in ("Editors", "Moderators"):
        codenames = Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        assert not {c for c in codenames if c.endswith("storyconsent")}


def test_a_testimony_anywhere_in_the_body_needs_consent():
    from comensha_content.longread.models import holds_block

    nested = [{"type": "chapter", "value": {"children": [{"type": "testimony", "value": {}}]}}]
    assert holds_block(nested, "testimony")
    assert not holds_block([{"type": "paragraph", "value": "testimony"}], "testimony")
    quoting = [{"type": "testimony", "value": {"name": "Jeffrey", "text": "<p>…</p>"}}]
    assert LongreadPage(narrator_kind="professional", body=quoting).needs_consent()
    assert not LongreadPage(narrator_kind="professional", body=[]).needs_consent()


def test_a_workflow_approval_without_consent_is_refused_and_nothing_is_approved(
    client, editor_user, moderator_user, unconsented_draft
):
    from wagtail.models import WorkflowState

    workflow = unconsented_draft.get_workflow()
    assert workflow is not None  # Wagtail's default "Moderators approval" on the whole tree
    editor = client.__class__()
    editor.force_login(editor_user)
    workflow.start(unconsented_draft, editor_user)
    state = WorkflowState.objects.get(
        base_content_type__isnull=False, object_id=str(unconsented_draft.pk)
    )
    task_state = state.current_task_state
    client.force_login(moderator_user)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[unconsented_draft.pk, "approve", task_state.pk]
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code in (302, 403)
    unconsented_draft.refresh_from_db()
    assert not unconsented_draft.live
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"  # rolled back: nothing approved


def test_publish_copies_in_the_admin_leaves_a_copied_story_a_draft(client, moderator_user, lisa):
    client.force_login(moderator_user)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[lisa.pk]),
        {
            "new_title": "Lisa (kopie)",
            "new_slug": "lisa-kopie",
            "new_parent_page": lisa.get_parent().pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copy = LongreadPage.objects.get(slug="lisa-kopie")
    assert not copy.live
    assert consent_status(copy) == ConsentStatus.MISSING
    assert client.get("/longread/lisa-kopie/").status_code == 404
