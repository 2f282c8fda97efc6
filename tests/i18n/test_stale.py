"""A Dutch editor removes an identifying detail and publishes: no English reader sees it again.

The story is translated as translators do it: submitted through wagtail-localize, every text
translated by the English translator through wagtail-localize's string editor, published from
its translation editor. The Dutch story is then edited and published through Wagtail's admin
form. Afterwards the English story (HTML and API) no longer holds the detail in any language,
the changed text is shown in Dutch with the reader notice, and the admin says the translation is
out of date: in the publisher's message, the page listing, the translation's edit view, the
"Out-of-date translations" report and the story's translation-status panel.
"""

import uuid
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from comensha_content.core.translation_sync import OFFLINE_ACTION
from comensha_content.models import FormOfExploitation, LongreadPage
from tests.helpers import record_consent, soup, text_of

pytestmark = pytest.mark.django_db

DETAIL = "Rotterdam-Zuid"
QUOTE_BEFORE = "Ik werkte zes dagen per week in een nagelsalon in Rotterdam-Zuid."
QUOTE_AFTER = "Ik werkte zes dagen per week in een nagelsalon."
ENGLISH = {
    "Sara: ‘Niemand keek naar me’": "Sara: ‘Nobody looked at me’",
    "sara-niemand-keek": "sara-nobody-looked",
    "Sara werkte jarenlang zonder loon.": "Sara worked for years without pay.",
    "Sara": "Sara",
    "slachtoffer": "victim",
    "Zuid-Holland": "South Holland",
    QUOTE_BEFORE: "I worked six days a week in a nail salon in Rotterdam-Zuid.",
    "Pas na twee jaar vond ze hulp.": "Only after two years did she find help.",
}
QUOTE_ID, PARAGRAPH_ID = str(uuid.uuid4()), str(uuid.uuid4())


def story_body(quote):
    return [
        {
            "type": "pull_quote",
            "id": QUOTE_ID,
            "value": {
                "quote": quote,
                "attribution_name": "Sara",
                "attribution_role": "slachtoffer",
            },
        },
        {"type": "paragraph", "id": PARAGRAPH_ID, "value": "<p>Pas na twee jaar vond ze hulp.</p>"},
    ]


def edit_form(story, quote):
    """The admin edit form of the Dutch story as a browser posts it (block ids kept)."""
    body = {
        "count": "2",
        "0": {
            "type": "pull_quote",
            "id": QUOTE_ID,
            "order": "0",
            "deleted": "",
            "value": {
                "quote": quote,
                "attribution_name": "Sara",
                "attribution_role": "slachtoffer",
            },
        },
        "1": {
            "type": "paragraph",
            "id": PARAGRAPH_ID,
            "order": "1",
            "deleted": "",
            "value": rich_text("<p>Pas na twee jaar vond ze hulp.</p>"),
        },
    }
    empty = {"count": "0"}
    return nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "lede": story.lede,
            "narrator_kind": "victim",
            "shown_name": "Sara",
            "shown_name_is_pseudonym": "on",
            "role": "",
            "form_of_exploitation": "",
            "region": "Zuid-Holland",
            "content_warning": "",
            "plain_language_summary": "",
            "hero_image_alt": "",
            "hero_image_caption": "",
            "hero_image_credit": "",
            "body": body,
            "sources": empty,
            "related_stories": empty,
            "action-publish": "action-publish",
        }
    )


@pytest.fixture
def translated_story(
    index, locales, moderator_user, translator_user, client, django_capture_on_commit_callbacks
):
    """A published Dutch victim's story (with consent), translated and published in English."""
    dutch = index.add_child(
        instance=LongreadPage(
            title="Sara: ‘Niemand keek naar me’",
            slug="sara-niemand-keek",
            lede="Sara werkte jarenlang zonder loon.",
            narrator_kind="victim",
            shown_name="Sara",
            shown_name_is_pseudonym=True,
            region="Zuid-Holland",
            body=story_body(QUOTE_BEFORE),
            live=False,
        )
    )
    record_consent(dutch)
    dutch.save_revision(user=moderator_user).publish(user=moderator_user)
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(moderator_user, [locales["en"]]).create_translations(dutch)
    source = TranslationSource.objects.get(object_id=dutch.translation_key, locale=locales["nl"])
    translation = Translation.objects.get(source=source, target_locale=locales["en"])

    # The English translator translates every text in wagtail-localize's editor and publishes.
    client.force_login(translator_user)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": ENGLISH[segment.string.data]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content
    english = translation.get_target_instance()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    client.logout()
    english.refresh_from_db()
    assert english.live
    html = client.get(english.url).content.decode()
    assert "I worked six days a week in a nail salon in Rotterdam-Zuid." in html
    return dutch, english, translation


def publish_without_detail(client, moderator_user, dutch):
    """A Moderator (Wagtail's default group that may publish) removes the detail and publishes."""
    client.force_login(moderator_user)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[dutch.pk]),
        edit_form(dutch, QUOTE_AFTER),
        follow=True,
    )
    assert response.status_code == 200
    dutch.refresh_from_db()
    assert dutch.specific.body[0].value["quote"] == QUOTE_AFTER, "the Dutch edit was published"
    return response


def test_the_removed_detail_never_reaches_english_readers(translated_story, client, moderator_user):
    dutch, english, _translation = translated_story
    publish_without_detail(client, moderator_user, dutch)
    client.logout()

    english.refresh_from_db()
    assert english.live
    page = soup(client.get(english.url).content.decode())
    main = text_of(page.select_one("main"))
    assert DETAIL not in page.decode()
    assert "nail salon" not in main, "the old English quote is gone, not kept as a translation"
    assert QUOTE_AFTER in main  # the changed text, in Dutch until it is translated
    assert "Only after two years did she find help." in main  # unchanged texts stay English
    notice = page.select_one(".cc-fallback-notice")
    assert notice is not None and "Dutch" in text_of(notice)

    api = client.get(f"/api/v2/pages/{english.pk}/")
    assert api.status_code == 200
    assert DETAIL not in api.content.decode()


def test_the_publisher_is_offered_update_translations(translated_story, client, moderator_user):
    dutch, english, translation = translated_story
    response = publish_without_detail(client, moderator_user, dutch)
    messages = [str(message) for message in response.context["messages"]]
    offer = next(message for message in messages if "Engels" in message or "English" in message)
    update_url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert update_url in offer
    assert reverse("wagtailadmin_pages:edit", args=[english.pk]) in offer
    assert "1 " in offer  # one text waits for its translation


def test_the_translation_is_flagged_out_of_date_in_the_admin(
    translated_story, moderator_user, translator_user, english_admin_client, admin_user
):
    dutch, english, translation = translated_story
    before = translation.source.__class__.objects.get(pk=translation.source_id).last_updated_at
    publish_without_detail(english_admin_client, moderator_user, dutch)
    english_admin_client.force_login(admin_user)  # the same client: back to the English admin
    source = TranslationSource.objects.get(pk=translation.source_id)
    assert source.last_updated_at > before, "publishing synchronised the source"

    # The report lists it, with the moment the source was published.
    report = soup(
        english_admin_client.get(reverse("comensha_out_of_date_translations")).content.decode()
    )
    rows = report.select("[data-cc-out-of-date-translations] tr[data-cc-translation]")
    assert [row["data-cc-translation"] for row in rows] == [str(translation.pk)]
    assert "Sara: ‘Niemand keek naar me’" in text_of(rows[0])
    # in the site's time zone, as the editor reads it (the stored moment is UTC: an hour
    # before midnight in Amsterdam it is still the day before)
    shown = timezone.localtime(source.last_updated_at).strftime("%Y-%m-%d %H:%M")
    assert shown in text_of(rows[0])

    # The English index's listing flags the story.
    listing = english_admin_client.get(
        reverse("wagtailadmin_explore", args=[english.get_parent().pk])
    ).content.decode()
    row = next(tr for tr in soup(listing).select("tr") if f"page_{english.pk}_title" in tr.decode())
    flag = row.select_one("[data-cc-translation-out-of-date]")
    assert flag is not None and "Translation out of date" in text_of(flag)
    other = next(
        tr
        for tr in soup(listing).select("tr")
        if "page_" in tr.decode() and f"page_{english.pk}_title" not in tr.decode()
    )
    assert other.select_one("[data-cc-translation-out-of-date]") is None
    dutch_listing = english_admin_client.get(
        reverse("wagtailadmin_explore", args=[dutch.get_parent().pk])
    ).content.decode()
    dutch_row = next(
        tr for tr in soup(dutch_listing).select("tr") if f"page_{dutch.pk}_title" in tr.decode()
    )
    assert dutch_row.select_one("[data-cc-translation-out-of-date]") is not None

    # The translator opening the English story sees it in the header's messages.
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(translator_user)
    profile.preferred_language = "en"  # an English-speaking translator
    profile.save()
    client = english_admin_client
    client.force_login(translator_user)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    warning = " ".join(str(message) for message in edit.context["messages"])
    total = StringSegment.objects.filter(source_id=translation.source_id).count()
    assert "out of date" in warning and f"{(total - 1) * 100 // total}% translated" in warning


def test_the_status_panel_shows_progress_staleness_and_translator(
    translated_story, client, moderator_user, translator_user, django_assert_max_num_queries
):
    from wagtail.users.models import UserProfile

    from comensha_content.core.translation_status import translation_states

    dutch, _english, translation = translated_story
    profile = UserProfile.get_for_user(moderator_user)
    profile.preferred_language = "en"  # the figures below are read in the English admin
    profile.save()
    client.force_login(moderator_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    panel = soup(client.get(edit_url).content.decode()).select_one("[data-cc-translation-status]")
    row = panel.select_one('[data-cc-translation-locale="en"]')
    assert row.select_one("[data-cc-percent]")["data-cc-percent"] == "100"
    assert row.select_one("[data-cc-out-of-date-since]")["data-cc-out-of-date-since"] == ""
    assert row.select_one("[data-cc-last-updated-by]")["data-cc-last-updated-by"] == (
        translator_user.get_username()
    )
    assert not panel.select("input, textarea, select"), "status only, no form fields"
    total = StringSegment.objects.filter(source_id=translation.source_id).count()

    publish_without_detail(client, moderator_user, dutch)
    panel = soup(client.get(edit_url).content.decode()).select_one("[data-cc-translation-status]")
    row = panel.select_one('[data-cc-translation-locale="en"]')
    assert StringSegment.objects.filter(source_id=translation.source_id).count() == total
    percent = (total - 1) * 100 // total
    assert row.select_one("[data-cc-percent]")["data-cc-percent"] == str(percent)
    assert f"{total - 1} of {total}" in text_of(row)
    since = TranslationSource.objects.get(pk=translation.source_id).last_updated_at
    assert row.select_one("[data-cc-out-of-date-since]")["data-cc-out-of-date-since"] == (
        timezone.localtime(since).isoformat()
    )
    with django_assert_max_num_queries(3):
        states = translation_states(dutch)
    assert [(s.locale.language_code, s.percent_translated) for s in states] == [("en", percent)]


def test_a_translation_consent_does_not_cover_is_taken_offline_not_republished(
    translated_story, locales
):
    dutch, english, _translation = translated_story
    record = record_consent(dutch)
    record.scope_locales.set([locales["nl"]])  # the person no longer agrees to English
    dutch = dutch.specific
    dutch.body = story_body(QUOTE_AFTER)
    dutch.save_revision().publish()

    english.refresh_from_db()
    assert not english.live
    assert PageLogEntry.objects.filter(page=english, action=OFFLINE_ACTION).exists()


def test_a_translated_snippet_is_marked_out_of_date(english_admin_client, locales):
    dutch = FormOfExploitation.objects.get(code="labour-exploitation", locale=locales["nl"])
    english = dutch.get_translation(locales["en"])
    translation = Translation.objects.get(
        source__object_id=dutch.translation_key, target_locale=locales["en"]
    )
    edit_url = reverse("wagtailsnippets_comensha_content_formofexploitation:edit", args=[dutch.pk])
    assert english_admin_client.get(edit_url).status_code == 200
    data = {
        "name": dutch.name,
        "code": dutch.code,
        "sort_order": dutch.sort_order,
        "description": "Uitbuiting in werk, zonder de naam van het bedrijf.",
    }
    response = english_admin_client.post(edit_url, data, follow=True)
    assert response.status_code == 200
    assert "form" not in response.context or not response.context["form"].errors, response.context[
        "form"
    ].errors
    messages = " ".join(str(message) for message in response.context["messages"])
    assert reverse("wagtail_localize:update_translations", args=[translation.source_id]) in (
        messages
    )

    english.refresh_from_db()
    assert english.description == "Uitbuiting in werk, zonder de naam van het bedrijf."
    report = soup(
        english_admin_client.get(reverse("comensha_out_of_date_translations")).content.decode()
    )
    listed = [row["data-cc-translation"] for row in report.select("tr[data-cc-translation]")]
    assert str(translation.pk) in listed

    # The English term's edit view (wagtail-localize's translation editor) says so too.
    english_edit = english_admin_client.get(
        reverse("wagtailsnippets_comensha_content_formofexploitation:edit", args=[english.pk])
    )
    warning = " ".join(str(message) for message in english_edit.context["messages"])
    assert "This translation is out of date" in warning


@pytest.mark.parametrize("model_name", ["InstrumentPage", "KompasChapterPage", "PolicyReportPage"])
def test_kompas_pages_and_reports_have_the_status_panel(english_admin_client, locales, model_name):
    from django.apps import apps

    model = apps.get_model("comensha_content", model_name)
    dutch = model.objects.filter(locale=locales["nl"]).order_by("path").first()
    html = english_admin_client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk]))
    panel = soup(html.content.decode()).select_one("[data-cc-translation-status]")
    row = panel.select_one('[data-cc-translation-locale="en"]')
    translation = Translation.objects.get(
        source__object_id=dutch.translation_key, target_locale=locales["en"]
    )
    total, translated = translation.get_progress()
    assert row.select_one("[data-cc-percent]")["data-cc-percent"] == str(translated * 100 // total)
    assert "English" in text_of(row)


def test_a_story_nothing_translates_has_no_status_panel(english_admin_client, index):
    story = index.add_child(
        instance=LongreadPage(
            title="Nog niet vertaald",
            slug="nog-niet-vertaald",
            lede="Een verhaal zonder vertaling.",
            narrator_kind="professional",
            shown_name="Mo",
            live=False,
        )
    )
    html = english_admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert html.status_code == 200
    assert soup(html.content.decode()).select_one("[data-cc-translation-status]") is None


def test_an_editors_change_approved_by_a_moderator_reaches_english_readers(
    translated_story, client, editor_user, moderator_user
):
    from wagtail.models import WorkflowState

    dutch, english, _translation = translated_story
    client.force_login(editor_user)  # Wagtail's Editors may not publish: they submit
    form = edit_form(dutch, QUOTE_AFTER)
    del form["action-publish"]
    form["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[dutch.pk]), form)
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type__isnull=False, object_id=str(dutch.pk), status="in_progress"
    )
    client.force_login(moderator_user)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[dutch.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code == 302
    client.logout()
    assert client.get(dutch.url).status_code == 200
    english.refresh_from_db()
    assert english.live, "republished, not taken offline: the editor's change was approved"
    html = client.get(english.url).content.decode()
    assert QUOTE_AFTER in html
    assert DETAIL not in html


def test_a_source_that_cannot_be_synchronised_still_publishes_and_its_translation_goes_offline(
    translated_story, monkeypatch
):
    """Publishing the Dutch story never fails for its translations; stale text never stays."""
    dutch, english, _translation = translated_story

    def broken_update(self):
        raise TypeError("a block without an id")  # as wagtail-localize raises for id-less blocks

    monkeypatch.setattr(TranslationSource, "update_from_db", broken_update)
    dutch = dutch.specific
    dutch.body = story_body(QUOTE_AFTER)
    dutch.save_revision().publish()

    dutch.refresh_from_db()
    assert dutch.live and dutch.specific.body[0].value["quote"] == QUOTE_AFTER
    english.refresh_from_db()
    assert not english.live
    assert PageLogEntry.objects.filter(page=english, action=OFFLINE_ACTION).exists()
