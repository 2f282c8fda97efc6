"""wagtail-localize's admin reports every translation of the demo complete."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


def report_rows(client, **filters):
    """Every row of wagtail-localize's translations report (all result pages)."""
    rows, number = [], 1
    while True:
        response = client.get(
            reverse("wagtail_localize:translations_report_results"), {**filters, "p": number}
        )
        assert response.status_code == 200
        html = soup(response.content.decode())
        rows += [[text_of(cell) for cell in row.select("td")] for row in html.select("tbody tr")]
        if not html.select_one(f'a[href*="p={number + 1}"]'):
            return rows, html
        number += 1


def test_the_admin_reports_every_demo_translation_up_to_date(english_admin_client, locales):
    translations = Translation.objects.filter(enabled=True)
    assert translations.count() > 40
    rows, _html = report_rows(english_admin_client)
    assert len(rows) == Translation.objects.count()
    assert {row[-1] for row in rows} == {"Up to date"}

    waiting, html = report_rows(english_admin_client, waiting_for_translation="true")
    assert waiting == [] and "No translations found." in text_of(html)

    for translation in translations:
        total, translated = translation.get_progress()
        assert total == translated > 0, translation.source.object_repr


def test_every_demo_page_has_a_live_english_translation(demo, locales):
    dutch = Page.objects.filter(depth__gt=1, locale=locales["nl"]).live()
    assert dutch.count() > 10
    missing = [page.url_path for page in dutch if not page.has_translation(locales["en"])]
    assert missing == []
    drafts = [page.url_path for page in dutch if not page.get_translation(locales["en"]).live]
    assert drafts == []
    translated = set(
        Translation.objects.filter(
            target_locale=locales["en"], source__object_id__in=[p.translation_key for p in dutch]
        ).values_list("source__object_id", flat=True)
    )
    assert translated == {page.translation_key for page in dutch}, "made by wagtail-localize"
