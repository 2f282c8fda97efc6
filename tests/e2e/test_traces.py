"""Reader traces (issue #16): what a visit leaves in the tab's history and the browser's storage.

In-page links replace the history entry instead of adding one; the quick exit deletes what the
app stored (content-warning choice, Kompas notes) before it leaves; the "press Shift" hint is
not shown on touch screens; without JavaScript the contents links are plain anchors.
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_reader import REMEMBER_KEY, STORY_NL, open_page, quick_exit_button

pytestmark = pytest.mark.e2e

NOTES_KEY = "comensha-kompas-notes:test-traces"
STORAGE_LENGTHS = "[localStorage.length, sessionStorage.length]"


def test_in_page_links_and_quick_exit_leave_no_trace(demo_site, visitor, neutral_url):
    page = open_page(visitor, "/")
    home = page.url
    open_page(page, STORY_NL)
    story = page.url
    history_length = page.evaluate("history.length")

    # Something stored the way the app stores it: a Kompas note (localStorage), and the
    # content-warning choice remembered in this tab (sessionStorage).
    page.evaluate(f"localStorage.setItem('{NOTES_KEY}', JSON.stringify({{text: 'note'}}))")
    links = page.locator(".cc-toc a")
    assert links.count() >= 2
    first = links.nth(0)
    anchor = first.get_attribute("href")
    first.click()
    page.wait_for_url(f"**{anchor}")
    expect(page.locator(anchor)).to_be_focused()  # focus moves to the chapter heading
    page.locator("[data-cc-warning-remember]").check()
    assert page.evaluate(f"sessionStorage.getItem('{REMEMBER_KEY}')") == "show"
    assert page.evaluate(f"localStorage.getItem('{REMEMBER_KEY}')") is None

    second = links.nth(1)
    anchor = second.get_attribute("href")
    second.click()
    page.wait_for_url(f"**{anchor}")
    expect(page.locator(anchor)).to_be_focused()
    expect(page.locator(anchor)).to_be_in_viewport()
    assert page.evaluate("history.length") == history_length, "an in-page link added history"

    quick_exit_button(page).click(no_wait_after=True)
    page.wait_for_url(neutral_url)
    page.go_back()
    assert page.url == home, f"Back returned to {page.url}, not to the page before {story}"
    # Back in the same tab, on the site's origin: nothing the app stored is left.
    assert page.evaluate(STORAGE_LENGTHS) == [0, 0]
    other = page.context.new_page()
    other.base = page.base
    open_page(other, "/")
    assert other.evaluate(STORAGE_LENGTHS) == [0, 0]
    assert page.guard.unexpected() == []


def test_quick_exit_leaves_no_trace_even_with_nothing_clicked_on_the_page(
    demo_site, visitor, neutral_url
):
    page = open_page(visitor, "/")
    open_page(page, STORY_NL)
    page.evaluate(f"localStorage.setItem('{NOTES_KEY}', '1')")
    page.evaluate(f"localStorage.setItem('{REMEMBER_KEY}', 'show')")  # an earlier version's
    page.evaluate(f"sessionStorage.setItem('{REMEMBER_KEY}', 'show')")
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_url)
    page.go_back()
    assert page.url == page.base + "/"
    assert page.evaluate(STORAGE_LENGTHS) == [0, 0]


def test_no_shift_hint_on_a_touch_screen_but_the_shortcut_works(
    demo_site, new_visitor, neutral_url
):
    page = new_visitor(viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True)
    open_page(page, STORY_NL)
    expect(quick_exit_button(page)).to_be_visible()
    expect(page.locator("[data-cc-quick-exit-hint]")).to_be_hidden()
    assert page.evaluate("matchMedia('(hover: hover) and (pointer: fine)').matches") is False
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_url)


def test_shift_hint_is_shown_with_a_mouse(demo_site, visitor):
    page = open_page(visitor, STORY_NL)
    expect(page.locator("[data-cc-quick-exit-hint]")).to_be_visible()


def test_without_javascript_a_contents_link_still_jumps(demo_site, new_visitor):
    page = open_page(new_visitor(javascript=False), STORY_NL)
    link = page.locator(".cc-toc a").nth(1)
    anchor = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{anchor}")
    expect(page.locator(anchor)).to_be_in_viewport()


def test_browse_safely_page_says_what_is_stored_and_how_to_delete_it(demo_site, visitor):
    page = open_page(visitor, "/en/browse-safely/")
    stored = page.locator("[data-cc-stored-on-device]")
    expect(stored).to_be_visible()
    expect(stored).to_contain_text(REMEMBER_KEY)
    expect(stored).to_contain_text("comensha-kompas-notes:")
    expect(stored).to_contain_text("session storage")
    expect(stored).to_contain_text("The quick-exit button deletes both")


def test_kompas_notes_are_deleted_by_the_quick_exit(demo_site, visitor, neutral_url):
    from comensha_content.models import KompasChapterPage

    chapter = (
        KompasChapterPage.objects.live()
        .filter(locale=demo_site.source_locale)
        .order_by("path")
        .first()
    )
    if chapter is None:
        pytest.skip("the demo has no Kompas chapter")
    page = open_page(visitor, "/")
    open_page(page, chapter.get_url())
    history_length = page.evaluate("history.length")
    page.locator("[data-kompas-notes-text]").fill("Een notitie")
    key = page.locator("[data-kompas-notes]").get_attribute("data-notes-key")
    page.wait_for_function("(key) => localStorage.getItem(key) !== null", arg=key)
    contents = page.locator('main a[href^="#"]')
    assert contents.count(), "the chapter has no contents link"
    contents.first.click()
    assert page.evaluate("history.length") == history_length, "an in-page link added history"
    quick_exit_button(page).click(no_wait_after=True)
    page.wait_for_url(neutral_url)
    page.go_back()
    assert page.url == page.base + "/"
    assert page.evaluate(STORAGE_LENGTHS) == [0, 0]
