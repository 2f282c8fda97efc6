"""The demo's long story (Daan) in a browser, opened all the way: both content warnings shown,
every transcript and answer unfolded. It holds every storytelling block, so it is where a block
that breaks the layout on a phone or fails axe shows."""

import pytest

from tests.e2e.test_design import OVERFLOWING
from tests.e2e.test_reader import open_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STORY = {"nl": "/longread/daan/", "en": "/en/longread/daan/"}


def open_everything(page, path):
    """The story with every warning clicked open and every <details> unfolded."""
    open_page(page, path)
    toggles = page.locator("[data-cc-warning-toggle]")
    for index in range(toggles.count()):
        toggles.nth(index).click()
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.wait_for_load_state("networkidle")
    return page


def test_every_block_of_the_long_story_is_shown_and_the_contents_list_the_chapters(
    demo_site, new_visitor
):
    page = new_visitor(viewport={"width": 1440, "height": 900})
    for language, path in STORY.items():
        open_everything(page, path)
        chapters = page.locator(".cc-chapter__heading")
        assert chapters.count() == 8
        assert all(chapters.nth(i).is_visible() for i in range(8))
        anchors = chapters.evaluate_all("headings => headings.map(h => '#' + h.id)")
        listed = page.locator("nav.cc-toc a").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))"
        )
        assert listed == anchors and len(set(anchors)) == 8, language
        for selector in (
            ".cc-testimony",
            ".cc-perspective",
            ".cc-pull-quote",
            ".cc-image",
            ".cc-media",
            ".cc-cta",
            ".cc-sources__item",
        ):
            assert page.locator(selector).first.is_visible(), (language, selector)
    assert page.guard.unexpected() == []  # nothing from another host, not even the video


def test_the_long_story_opened_all_the_way_never_scrolls_sideways(demo_site, new_visitor):
    problems = {}
    for width in (320, 390, 1440):
        page = new_visitor(viewport={"width": width, "height": 900})
        for language, path in STORY.items():
            open_everything(page, path)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                problems[f"{language}@{width}"] = (scroll_width, page.evaluate(OVERFLOWING))
    assert problems == {}


def test_the_long_story_opened_all_the_way_passes_axe(demo_site, new_visitor, axe):
    page = new_visitor(bypass_csp=True)  # axe is injected as an inline script
    problems = {}
    for language, path in STORY.items():
        open_everything(page, path)
        violations = axe(page, f"long-story-{language}")
        if violations:
            problems[language] = violations
    assert problems == {}
