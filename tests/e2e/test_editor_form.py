"""The story form in the browser: a pull quote's character count warns past 200 characters
without blocking the save, and a fact's number field accepts Dutch notation as typed."""

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
