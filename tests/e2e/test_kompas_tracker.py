"""The Kompas card printed by the browser, and the recommendation tracker's filters and CSV link.

Each test skips when the demo has no page of its type yet (the Kompas and tracker demos are
separate capabilities).
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def first_live(model_path, locale):
    from django.apps import apps

    model = apps.get_model(model_path)
    page = model.objects.live().filter(locale=locale).order_by("path").first()
    if page is None:
        pytest.skip(f"the demo has no {model.__name__} yet")
    return page


def pdf_page_count(pdf):
    """Number of pages of a PDF that Chromium wrote (its page tree's /Count)."""
    counts = [int(count) for count in re.findall(rb"/Count\s+(\d+)", pdf)]
    assert counts, "not a PDF with a page tree"
    return max(counts)


@pytest.mark.parametrize(
    "model_path", ["comensha_content.KompasChapterPage", "comensha_content.InstrumentPage"]
)
def test_kompas_card_prints_on_one_a4_page(demo_site, visitor, model_path):
    kompas_page = first_live(model_path, demo_site.source_locale)
    response = visitor.goto(visitor.base + kompas_page.card_url)
    assert response.status == 200
    visitor.emulate_media(media="print")
    pdf = visitor.pdf(format="A4", print_background=True)
    assert pdf_page_count(pdf) == 1
    assert visitor.guard.unexpected() == []


def test_pdf_page_count_counts_pages(demo_site, visitor):
    """The counter above can fail: a whole story does not fit on one A4 page."""
    visitor.goto(visitor.base + "/longread/lisa/")
    visitor.get_by_role("button", name="Toon het verhaal").click()  # behind its content warning
    assert pdf_page_count(visitor.pdf(format="A4")) > 1


def test_tracker_filters_and_csv_link(demo_site, visitor):
    tracker = first_live("comensha_content.RecommendationIndexPage", demo_site.source_locale)
    page = visitor
    response = page.goto(page.base + tracker.url)
    assert response.status == 200
    status = page.locator("#cc-filter-status")
    value = status.locator("option").nth(1).get_attribute("value")
    status.select_option(value)
    page.locator(".cc-filters").get_by_role("button").click()
    page.wait_for_url(re.compile(rf"[?&]status={re.escape(value)}(&|$)"))
    expect(status).to_have_value(value)

    csv_link = page.locator('a[href*="export-csv"]')
    assert csv_link.count(), "the tracker page has no link to its CSV export"
    href = csv_link.first.get_attribute("href")
    assert f"status={value}" in href, "the CSV link does not keep the chosen filters"
    csv = page.request.get(page.base + href if href.startswith("/") else href)
    assert csv.status == 200
    assert csv.headers["content-type"].startswith("text/csv")
    assert page.guard.unexpected() == []
