"""The story form in the browser: a pull quote's character count warns past 200 characters
without blocking the save, a fact's number field accepts Dutch notation as typed, and after a
refused save each tab counts its own errors and focus is on the first one."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_editor import add_block, log_in

pytestmark = pytest.mark.e2e


def test_pull_quote_counts_characters_and_warns_past_200(demo_site, new_visitor):
    from comensha_content.models import LongreadIndexPage

    index = LongreadIndexPage.objects.get(locale=demo_site.source_locale)
    page = new_visitor(viewport={"width": 1280, "height": 900})
    log_in(page)
    page.goto(page.base + f"/admin/pages/add/comensha_content/longreadpage/{index.pk}/")
    add_block(page, "Uitgelicht citaat")
    quote = page.locator('[name="body-0-value-quote"]')
    quote.fill("Ik durfde niemand te vertrouwen.")
    status = page.locator("#body-0-value-quote-count")
    expect(status).to_have_text("32 van 200 tekens")
    expect(status).to_have_attribute("data-cc-over-limit", "false")
    assert "body-0-value-quote-count" in quote.get_attribute("aria-describedby")
    quote.fill("x" * 201)
    expect(status).to_contain_text("201 van 200 tekens Langer dan 200 tekens")
    expect(status).to_have_attribute("data-cc-over-limit", "true")

    add_block(page, "Feit")
    number = page.locator('[name="body-1-value-value"]')
    assert number.get_attribute("type") == "text"
    assert number.get_attribute("inputmode") == "decimal"
    number.fill("1.500,5")
    expect(number).to_have_value("1.500,5")  # a number input would have dropped it


#: What a tab's panel shows as errors (Wagtail's own selector for its counts).
ERRORS = ":not([hidden]):is(.error-message,.help-critical)"


#: What the admin calls things, in the editor's language (Wagtail's catalogs and ours).
ADMIN_WORDS = {
    "nl": {
        "story": "Verhaal",
        "promote": "Promoten",
        "more": "Meer acties",
        "publish": "Publiceren",
        "submit": "Stuur door naar Moderators approval",
        "refused": "validatiefouten",
        "errors": ("foutmelding", "foutmeldingen"),
        "first": "Ga naar eerste fout",
        "required": "Dit is een verplicht veld",
        "grouping": "Groepeer duizendtallen per drie",
    },
    "en": {
        "story": "Story",
        "promote": "Promote",
        "more": "More actions",
        "publish": "Publish",
        "submit": "Submit to Moderators approval",
        "refused": "validation errors",
        "errors": ("error", "errors"),
        "first": "Go to the first error",
        "required": "This field is required",
        "grouping": "Group thousands in threes",
    },
}


def admin_browser(new_visitor, role, language):
    """A browser logged in as a member of Wagtail's default "Editors" group (nothing else) or
    as the demo's superuser, with the admin in ``language``."""
    from django.contrib.auth.models import Group, User
    from wagtail.users.models import UserProfile

    if role == "editor":
        user = User.objects.create_user("redacteur", "r@example.org", "redacteur-wachtwoord")
        user.groups.add(Group.objects.get(name="Editors"))
        credentials = ("redacteur", "redacteur-wachtwoord")
    else:
        user = User.objects.get(username="admin")
        credentials = ("admin", "comensha-demo")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    page = new_visitor(viewport={"width": 1280, "height": 900})
    log_in(page, *credentials)
    return page


@pytest.mark.parametrize(
    "role, language, action",
    [
        # Editors cannot publish: they send the story to the moderators, which validates it too
        ("editor", "nl", "submit"),
        ("editor", "en", "submit"),
        ("superuser", "nl", "publish"),
    ],
)
def test_refused_save_counts_errors_on_their_own_tab_and_focuses_the_first(
    demo_site, new_visitor, role, language, action
):
    from comensha_content.models import LongreadPage

    words = ADMIN_WORDS[language]
    one, many = words["errors"]
    story = LongreadPage.objects.filter(locale=demo_site.source_locale).first()
    page = admin_browser(new_visitor, role, language)
    page.goto(page.base + f"/admin/pages/{story.pk}/edit/")
    page.get_by_role("tab", name=words["promote"]).click()
    page.locator('[name="slug"]').fill("")  # one error on the Promote tab
    page.get_by_role("tab", name=words["story"]).click()
    page.locator('[name="lede"]').fill("")  # a plain field on the Story tab
    add_block(page, "Feit" if language == "nl" else "Fact")  # and a block: number, label, source
    page.locator('[name$="-value-value"]').last.fill("1.5.0")
    page.wait_for_load_state("networkidle")
    page.locator("footer").get_by_role("button", name=words["more"]).click()
    page.locator("footer").get_by_role("button", name=words[action]).click()

    expect(page.locator(".messages .error")).to_contain_text(words["refused"])
    story_tab = page.get_by_role("tab", name=words["story"])
    promote_tab = page.get_by_role("tab", name=words["promote"])
    # Screen readers hear the count with the tab's name; the number shown is hidden from them.
    expect(story_tab).to_have_accessible_name(f"{words['story']} (4 {many})")
    expect(promote_tab).to_have_accessible_name(f"{words['promote']} (1 {one})")
    expect(story_tab.locator("[data-w-count-target=total]")).to_have_text("4")
    expect(promote_tab.locator("[data-w-count-target=total]")).to_have_text("1")
    for tab, count in ((story_tab, 4), (promote_tab, 1)):
        panel = page.locator("#" + tab.get_attribute("aria-controls"))
        expect(panel.locator(ERRORS)).to_have_count(count)

    # Focus is on the first error, on its tab, and the field is read with its error.
    lede = page.locator('[name="lede"]')
    expect(lede).to_be_focused()
    expect(story_tab).to_have_attribute("aria-selected", "true")
    expect(lede).to_have_attribute("aria-invalid", "true")
    expect(lede).to_have_accessible_description(re.compile(words["required"]))
    number = page.locator('[name$="-value-value"]').last
    expect(number).to_have_attribute("aria-invalid", "true")
    expect(number).to_have_accessible_description(re.compile(words["grouping"]))

    # From another tab, "Go to the first error" brings the editor back to the field.
    promote_tab.click()
    expect(lede).to_be_hidden()
    page.locator(".messages").get_by_role("button", name=words["first"]).click()
    expect(story_tab).to_have_attribute("aria-selected", "true")
    expect(lede).to_be_focused()


def test_an_error_in_the_publishing_schedule_opens_it_and_is_focused(demo_site, new_visitor):
    """The go-live and expiry dates are in Wagtail's schedule dialog, on no tab: after a refused
    save the dialog is open and its invalid field focused, not a closed dialog and no hint."""
    from comensha_content.models import LongreadPage

    story = LongreadPage.objects.filter(locale=demo_site.source_locale).first()
    page = admin_browser(new_visitor, "superuser", "nl")
    page.goto(page.base + f"/admin/pages/{story.pk}/edit/")
    page.locator('[data-side-panel-toggle="status"]').click()
    page.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]').first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    expire_at = dialog.locator('[name="expire_at"]')
    expire_at.fill("2020-01-01 10:00")  # in the past
    page.wait_for_load_state("networkidle")
    # by keyboard: the date picker stays open over the button
    dialog.get_by_role("button", name="Schema opslaan").press("Enter")

    expect(page.locator(".messages .error")).to_contain_text("validatiefouten")
    expect(expire_at).to_be_visible()
    expect(expire_at).to_be_focused()
    expect(expire_at).to_have_accessible_description(re.compile("in de toekomst"))
    for tab in page.get_by_role("tab").all():  # on no tab, so counted on none
        expect(tab.locator("[data-w-count-target=total]")).to_have_text("")
