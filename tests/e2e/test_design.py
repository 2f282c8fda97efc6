"""The default design in a browser: no page type scrolls sideways at phone, tablet or desktop
widths, images are requested near the size of their slot, and the screenshots in
docs/screenshots/ are made here (COMENSHA_SCREENSHOTS=1 writes them; otherwise they go to a
temporary folder, so a test run never changes the checkout)."""

import os
from pathlib import Path

import pytest

from tests.e2e.test_reader import one_page_per_type_and_language, open_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390, 768, 1024, 1440)
SCREENSHOT_VIEWPORTS = {"phone": (390, 844), "desktop": (1440, 900)}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

#: Elements wider than the window, as the reader would have to scroll to see them.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(element => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.right > width + 1 && getComputedStyle(element).position !== 'fixed';
    })
    .slice(0, 5)
    .map(element => element.tagName.toLowerCase() + '.' + element.className);
}"""

#: Images whose chosen file is more than twice as wide as its slot at this pixel density.
OVERSIZED_IMAGES = """() => [...document.images]
  .filter(image => image.complete && image.naturalWidth && image.getBoundingClientRect().width)
  .filter(image => image.naturalWidth > 2 * image.getBoundingClientRect().width * devicePixelRatio + 100)
  .map(image => image.currentSrc + ' ' + image.naturalWidth + 'px in '
       + Math.round(image.getBoundingClientRect().width) + 'px')"""


def design_pages():
    """``[(name, path)]``: every page type in nl and en, plus the Kompas card and a
    recommendation (sub-routes of their pages)."""
    from comensha_content.kompas.models import InstrumentPage
    from comensha_content.recommendations.models import Recommendation, RecommendationIndexPage

    pages = list(one_page_per_type_and_language())
    for language in ("nl", "en"):
        instrument = InstrumentPage.objects.live().filter(locale__language_code=language).first()
        pages.append((f"KompasCard-{language}", instrument.card_url))
        tracker = RecommendationIndexPage.objects.live().get(locale__language_code=language)
        recommendation = Recommendation.objects.filter(locale__language_code=language).first()
        pages.append((f"Recommendation-{language}", tracker.recommendation_url(recommendation)))
    return pages


def test_no_page_type_scrolls_sideways_and_images_fit_their_slot(demo_site, new_visitor):
    pages = design_pages()
    assert len(pages) >= 20
    problems = {}
    for width in WIDTHS:
        page = new_visitor(viewport={"width": width, "height": 900})
        for name, path in pages:
            open_page(page, path)
            page.wait_for_load_state("networkidle")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                problems[f"{name}@{width}"] = (scroll_width, page.evaluate(OVERFLOWING))
            oversized = page.evaluate(OVERSIZED_IMAGES)
            if oversized:
                problems[f"{name}@{width} images"] = oversized
        assert page.guard.unexpected() == []
    assert problems == {}


def test_story_design_at_a_glance(demo_site, new_visitor):
    """What a reader sees first: the hero with title and image, serif reading type near 20 px,
    the testimony larger than the text around it, the header's NL | EN."""
    page = new_visitor(viewport={"width": 1440, "height": 900})
    open_page(page, "/longread/lisa/")
    hero = page.locator(".cc-hero")
    assert hero.locator("h1").inner_text().startswith("Lisa")
    image = hero.locator("img")
    assert image.get_attribute("alt").startswith("Getekende illustratie")
    title_box, image_box = hero.locator("h1").bounding_box(), image.bounding_box()
    assert title_box["x"] + title_box["width"] <= image_box["x"], "title beside the image"
    page.locator("[data-cc-warning-toggle]").click()
    paragraph = page.locator(".cc-story__body .cc-paragraph p, .cc-story__body > p").first
    style = paragraph.evaluate(
        "element => [getComputedStyle(element).fontFamily, parseFloat(getComputedStyle(element).fontSize)]"
    )
    assert "serif" in style[0].lower() and "sans" not in style[0].split(",")[0].lower()
    assert 18 <= style[1] <= 21
    testimony = page.locator(".cc-testimony__text").first
    testimony_size = testimony.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")
    assert testimony_size > style[1] * 1.2
    shown = page.locator("nav.cc-language-switcher a").evaluate_all(
        "links => links.map(link => link.firstChild.textContent.trim())"
    )
    assert shown == ["NL", "EN"]

    phone = new_visitor(viewport={"width": 390, "height": 844})
    open_page(phone, "/longread/lisa/")
    phone_image = phone.locator(".cc-hero img").bounding_box()
    phone_title = phone.locator(".cc-hero h1").bounding_box()
    assert phone_image["width"] == 390 and phone_image["y"] < phone_title["y"], "full-bleed on top"


def test_screenshots_of_every_page_type(demo_site, new_visitor, tmp_path):
    target = SCREENSHOTS if os.environ.get("COMENSHA_SCREENSHOTS") == "1" else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    wanted = [(name, path) for name, path in design_pages() if name.endswith("-nl")]
    for device, (width, height) in SCREENSHOT_VIEWPORTS.items():
        page = new_visitor(viewport={"width": width, "height": height})
        for name, path in wanted:
            open_page(page, path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(target / f"{name.removesuffix('-nl')}-{device}.png"))
    made = sorted(path.name for path in target.glob("*.png"))
    assert len(made) == 2 * len(wanted)


def test_tracker_chart_labels_stay_readable_on_a_phone(demo_site, new_visitor):
    from comensha_content.recommendations.models import RecommendationIndexPage

    tracker = RecommendationIndexPage.objects.live().get(locale__language_code="nl")
    page = new_visitor(viewport={"width": 320, "height": 700})
    open_page(page, tracker.url)
    # The rendered size of the labels: their CSS size times the SVG's scale.
    sizes = page.locator(".cc-status-chart__label").evaluate_all(
        """labels => labels.map(label => {
             const svg = label.ownerSVGElement;
             const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
             return parseFloat(getComputedStyle(label).fontSize) * scale;
           })"""
    )
    assert sizes and min(sizes) >= 12, sizes
    labels = page.locator(".cc-status-chart__label").evaluate_all(
        "labels => labels.map(label => label.getBoundingClientRect().right)"
    )
    assert max(labels) <= 320, "no label is cut off at the right edge"


def test_kompas_finder_folds_on_phones_and_focuses_the_results(demo_site, new_visitor):
    from comensha_content.kompas.models import KompasPage

    kompas = KompasPage.objects.live().get(locale__language_code="nl")
    phone = new_visitor(viewport={"width": 390, "height": 844})
    open_page(phone, kompas.url)
    toggle = phone.locator("[data-kompas-finder-toggle]")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert not phone.locator("#kompas-finder-filters").is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    phone.locator("#kompas-finder-filters input[type=checkbox]").first.check()
    phone.locator(".cc-kompas-finder__actions button[type=submit]").click()
    phone.wait_for_load_state("load")
    phone.locator("#kompas-finder-results:focus").wait_for()  # focus moved to the count
    assert phone.locator(".cc-kompas-tags a.cc-kompas-tag").count() == 1

    desktop = new_visitor(viewport={"width": 1440, "height": 900})
    open_page(desktop, kompas.url)
    assert not desktop.locator("[data-kompas-finder-toggle]").is_visible()
    form = desktop.locator(".cc-kompas-finder__form").bounding_box()
    results = desktop.locator(".cc-kompas-finder__results").bounding_box()
    assert form["x"] + form["width"] <= results["x"], "filters beside the results"
    assert form["y"] < 1500, "the finder starts near the top of the landing page"
