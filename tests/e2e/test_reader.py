"""A reader in the browser: the demo story in Dutch and English, its table of contents, content
warnings, and leaving at once by the quick-exit button or by pressing Shift three times.

Nothing may leave this machine: every request to another host is logged and stopped (the
neutral site the quick exit opens is answered by the test itself).
"""

import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

STORY_NL = "/longread/lisa/"
STORY_EN = "/en/longread/lisa/"
WARNED_TEXT = "Deze passage staat achter een inhoudswaarschuwing."
REMEMBER_KEY = "comensha_content.content-warnings"
STORY_BUTTON = {"nl": "Toon het verhaal", "en": "Show the story"}


def open_page(page, path):
    response = page.goto(page.base + path)
    assert response.status == 200, path
    return page


def quick_exit_button(page):
    return page.locator("[data-cc-quick-exit-button]")


def overlay(page):
    return page.locator("[data-cc-quick-exit-overlay]")


@pytest.fixture
def warned_story(demo_site):
    """A story with a passage behind a content warning (the demo stories have none yet)."""
    from comensha_content.models import LongreadIndexPage, LongreadPage
    from tests.factories import publish_child

    index = LongreadIndexPage.objects.get(locale=demo_site.source_locale)
    story = LongreadPage(
        title="Waarschuwing",
        slug="waarschuwing",
        lede="Een verhaal met een waarschuwing.",
        shown_name="Sam",
        narrator_kind="professional",  # no testimony either: published without consent
        body=[
            {"type": "paragraph", "value": "<p>Voor de waarschuwing.</p>", "id": str(uuid.uuid4())},
            {
                "type": "content_warning",
                "value": {
                    "topic": "geweld",
                    "body": [{"type": "paragraph", "value": f"<p>{WARNED_TEXT}</p>"}],
                },
                "id": str(uuid.uuid4()),
            },
        ],
    )
    publish_child(index, story)
    return "/longread/waarschuwing/"


# -- reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, language, title, exit_label, viewport",
    [
        (STORY_NL, "nl", "Lisa: ‘Ik dacht dat hij van me hield’", "Snel weg", "desktop"),
        (STORY_EN, "en", "Lisa: ‘I thought he loved me’", "Exit this page", "phone"),
    ],
)
def test_reader_reads_the_story_and_uses_the_table_of_contents(
    demo_site, new_visitor, screenshot, path, language, title, exit_label, viewport
):
    size = {"desktop": {"width": 1280, "height": 720}, "phone": {"width": 360, "height": 740}}
    page = open_page(new_visitor(viewport=size[viewport]), path)
    screenshot(page, f"story-{language}-{viewport}")
    assert page.locator("html").get_attribute("lang") == language
    expect(page.locator("h1")).to_have_text(title)

    # The quick exit is visible and the first thing the Tab key reaches.
    expect(quick_exit_button(page)).to_be_visible()
    expect(quick_exit_button(page)).to_have_text(exit_label)
    page.keyboard.press("Tab")
    expect(quick_exit_button(page)).to_be_focused()

    # The story-level content warning comes before the story, which waits behind its button.
    warning = page.locator(".cc-content-warning--story")
    expect(warning).to_be_visible()
    story = page.locator(".cc-story__body")
    assert warning.evaluate(
        "(w, s) => !!(w.compareDocumentPosition(s) & 4)", story.element_handle()
    )
    show_story = warning.locator("button[data-cc-warning-toggle]")
    expect(show_story).to_have_text(STORY_BUTTON[language])
    expect(show_story).to_have_attribute("aria-expanded", "false")
    expect(show_story).to_have_attribute("aria-controls", "story-body")
    expect(story).to_be_hidden()

    # The second entry of the table of contents opens the story and jumps to its chapter, not
    # hidden by the bar.
    link = page.locator(".cc-toc a").nth(1)
    anchor = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{anchor}")
    expect(story).to_be_visible()
    expect(show_story).to_have_attribute("aria-expanded", "true")
    screenshot(page, f"story-{language}-{viewport}-chapter")
    heading = page.locator(anchor)
    expect(heading).to_be_in_viewport()
    bar_bottom = page.locator("[data-cc-quick-exit]").bounding_box()
    heading_box = heading.bounding_box()
    assert heading_box["y"] >= bar_bottom["y"] + bar_bottom["height"], "heading under the bar"

    # Keyboard: Tab after the jump continues from the chapter, not from the top of the page.
    page.keyboard.press("Tab")
    focused_y = page.evaluate("document.activeElement.getBoundingClientRect().top")
    assert focused_y > heading_box["y"] - 1

    assert page.guard.unexpected() == []


def test_content_warning_opens_on_request_and_is_remembered_only_by_choice(
    demo_site, warned_story, visitor
):
    page = open_page(visitor, warned_story)
    toggle = page.locator("[data-cc-warning-toggle]")
    passage = page.get_by_text(WARNED_TEXT)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_contain_text("Inhoudswaarschuwing: geweld")
    expect(passage).to_be_hidden()

    # Keyboard only: Tab to the button, Enter shows the passage, focus stays on the button.
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(passage).to_be_visible()
    expect(toggle).to_be_focused()
    page.keyboard.press("Space")
    expect(passage).to_be_hidden()

    # Not remembered unless the reader ticks the box.
    toggle.click()
    page.reload()
    expect(page.get_by_text(WARNED_TEXT)).to_be_hidden()
    assert page.evaluate(f"localStorage.getItem('{REMEMBER_KEY}')") is None

    page.locator("[data-cc-warning-remember]").check()
    page.locator("[data-cc-warning-toggle]").click()
    page.reload()
    expect(page.get_by_text(WARNED_TEXT)).to_be_visible()
    expect(page.locator("[data-cc-warning-toggle]")).to_have_attribute("aria-expanded", "true")
    # Remembered in this tab only (sessionStorage), never on the device for good.
    assert page.evaluate(f"sessionStorage.getItem('{REMEMBER_KEY}')") == "show"
    assert page.evaluate(f"localStorage.getItem('{REMEMBER_KEY}')") is None
    other_tab = page.context.new_page()
    other_tab.goto(page.url)
    expect(other_tab.get_by_text(WARNED_TEXT)).to_be_hidden()
    assert page.guard.unexpected() == []


def test_content_warning_without_javascript_shows_warning_then_passage(
    demo_site, warned_story, new_visitor
):
    page = open_page(new_visitor(javascript=False), warned_story)
    expect(page.locator("[data-cc-warning-notice]")).to_have_text("Inhoudswaarschuwing: geweld")
    expect(page.get_by_text(WARNED_TEXT)).to_be_visible()
    expect(page.locator("[data-cc-warning-toggle]")).to_be_hidden()


# -- leaving at once --------------------------------------------------------------------------


def leave_and_check(page, neutral_url, leave):
    """Run ``leave``: the page is covered at once, then the neutral site replaces it."""
    page.guard.hold_neutral = True
    leave()
    for _ in range(50):  # wait_for_timeout lets Playwright deliver the page's report
        if page.quick_exit_overlays and page.guard.held:
            break
        page.wait_for_timeout(100)
    assert page.guard.held, "the browser did not leave for the neutral site"
    page.guard.hold_neutral = False
    page.guard.release()
    page.wait_for_url(neutral_url)
    expect(page.locator("h1")).to_have_text("Neutral site")
    assert len(page.quick_exit_overlays) == 1, "the page was not covered"
    shown = page.quick_exit_overlays[0]
    assert shown["location"].endswith(STORY_EN)
    assert shown["display"] == "block" and shown["background"] == "rgb(255, 255, 255)"
    assert (shown["top"], shown["left"]) == (0, 0)
    assert (shown["width"], shown["height"]) == (shown["viewportWidth"], shown["viewportHeight"])


@pytest.mark.parametrize("how", ["button", "tab-and-enter", "shift-three-times"])
def test_quick_exit_covers_the_page_and_replaces_it_in_history(
    demo_site, visitor, neutral_url, how
):
    page = open_page(visitor, "/en/")
    open_page(page, STORY_EN)
    history_length = page.evaluate("history.length")

    def tab_and_enter():
        page.keyboard.press("Tab")  # the first stop of the Tab key
        expect(quick_exit_button(page)).to_be_focused()
        page.keyboard.press("Enter")

    def press_shift_three_times():
        page.locator("h1").click()  # the reader is reading; focus is not on the button
        for _ in range(3):
            page.keyboard.press("Shift")

    leave = {
        "button": lambda: quick_exit_button(page).click(no_wait_after=True),
        "tab-and-enter": tab_and_enter,
        "shift-three-times": press_shift_three_times,
    }[how]
    leave_and_check(page, neutral_url, leave)

    # location.replace: the story is no longer in this tab's history; Back skips it.
    assert page.evaluate("history.length") == history_length
    page.go_back()
    assert page.url == page.base + "/en/"
    assert page.guard.unexpected() == []


def test_shift_presses_too_slow_or_interrupted_do_not_leave(demo_site, visitor, neutral_url):
    page = open_page(visitor, STORY_EN)
    status = page.locator("[data-cc-quick-exit-status]")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Press Shift 2 more times to exit this page.")
    page.keyboard.press("Shift")
    page.keyboard.press("a")  # another key starts the count again
    page.keyboard.press("Shift")
    page.wait_for_timeout(1200)  # longer than the one-second window
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == page.base + STORY_EN
    expect(overlay(page)).to_be_hidden()
    assert page.guard.other_hosts == []


def test_without_javascript_the_quick_exit_is_a_plain_link(demo_site, new_visitor, neutral_url):
    page = open_page(new_visitor(javascript=False), STORY_NL)
    expect(page.locator("[data-cc-quick-exit-hint]")).to_be_hidden()
    quick_exit_button(page).click()
    page.wait_for_url(neutral_url)
    assert page.guard.unexpected() == []


def test_browse_safely_page_is_linked_and_explains_the_limits(demo_site, visitor):
    page = open_page(visitor, STORY_NL)
    page.get_by_role("link", name="Veilig internetten").click()
    page.wait_for_url("**/veilig-internetten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Veilig internetten")
    expect(page.get_by_text("Hij wist je browsergeschiedenis niet")).to_be_visible()
    assert page.guard.unexpected() == []


# -- accessibility ----------------------------------------------------------------------------


def one_page_per_type_and_language():
    """``[(name, path)]``: the first live page of every page type in every language."""
    from wagtail.models import Page

    seen = {}
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path").specific():
        key = (type(page).__name__, page.locale.language_code)
        if key not in seen:
            seen[key] = page.get_url()
    return sorted((f"{model}-{language}", path) for (model, language), path in seen.items())


def test_every_demo_page_type_is_accessible_and_loads_nothing_from_other_hosts(
    demo_site, warned_story, new_visitor, axe
):
    pages = one_page_per_type_and_language()
    names = {name for name, _path in pages}
    assert {"LongreadPage-nl", "LongreadPage-en", "BrowseSafelyPage-en", "HomePage-nl"} <= names
    page = new_visitor(bypass_csp=True)  # axe is injected as an inline script
    problems = {}
    for name, path in [*pages, ("LongreadPage-with-warning-nl", warned_story)]:
        open_page(page, path)
        page.wait_for_load_state("networkidle")
        violations = axe(page, name)
        if violations:
            problems[name] = violations
    assert problems == {}
    assert page.guard.unexpected() == []


#: The policy the example site should send (django-csp; see the report): nothing from other
#: hosts; players of opt-in embeds may be framed once the reader asks for them.
EXAMPLE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
    "frame-src https://www.youtube-nocookie.com https://player.vimeo.com; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'self'"
)


def test_demo_pages_work_under_the_example_content_security_policy(
    demo_site, warned_story, new_visitor
):
    page = new_visitor()
    page.guard.csp = EXAMPLE_CSP  # added where the site does not send one (yet)
    blocked = {}
    for name, path in [*one_page_per_type_and_language(), ("warning", warned_story)]:
        response = page.goto(page.base + path)
        assert "content-security-policy" in response.all_headers()
        page.wait_for_load_state("networkidle")
        violations = page.evaluate("window.ccCspViolations")
        if violations:
            blocked[name] = violations
    assert blocked == {}
    # The scripts ran under the policy: the quick exit and the content warning are enhanced.
    expect(page.locator("[data-cc-quick-exit-hint]")).to_be_visible()
    expect(page.locator("[data-cc-warning-toggle]")).to_be_visible()
