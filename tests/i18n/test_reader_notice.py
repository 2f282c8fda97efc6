"""The reader's "not translated yet" notice counts only texts a reader sees.

A story whose only untranslated segments are its slug and SEO fields reads fully in English, so
it gets no notice; wagtail-localize's admin still counts those segments as work to do.
"""

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from comensha_content.models import LongreadPage
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


def sync(client, source):
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": ""},
    )
    assert response.status_code == 302


def english_after_sync(english_admin_client, locales, **changes):
    dutch = LongreadPage.objects.get(slug="lisa", locale=locales["nl"])
    for name, value in changes.items():
        setattr(dutch, name, value)
    dutch.save_revision().publish()
    source = TranslationSource.objects.get(object_id=dutch.translation_key, locale=locales["nl"])
    sync(english_admin_client, source)
    translation = Translation.objects.get(source=source, target_locale=locales["en"])
    english = translation.get_target_instance()
    english.get_latest_revision().publish()
    english.refresh_from_db()
    return translation, english


def test_an_untranslated_slug_and_seo_fields_give_the_reader_no_notice(
    english_admin_client, client, locales
):
    translation, english = english_after_sync(
        english_admin_client,
        locales,
        slug="lisa-verhaal",
        seo_title="Lisa's verhaal over uitbuiting",
        search_description="Het verhaal van Lisa, in haar eigen woorden.",
    )
    total, translated = translation.get_progress()
    assert total - translated == 3, "the admin still counts slug and SEO fields"
    rows = english_admin_client.get(
        reverse("wagtail_localize:translations_report_results"),
        {"waiting_for_translation": "true"},
    )
    assert "Lisa" in text_of(soup(rows.content.decode()).select_one("tbody"))

    response = client.get(english.url)
    assert response.status_code == 200
    html = soup(response.content.decode())
    assert html.select_one(".cc-fallback-notice") is None
    assert "Some texts on this page have not been translated yet" not in text_of(html)


def test_only_the_slug_untranslated_gives_no_notice(english_admin_client, client, locales):
    translation, english = english_after_sync(english_admin_client, locales, slug="lisa-verhaal")
    total, translated = translation.get_progress()
    assert total - translated == 1
    html = soup(client.get(english.url).content.decode())
    assert html.select_one(".cc-fallback-notice") is None


def test_an_untranslated_visible_text_still_gives_the_notice(english_admin_client, client, locales):
    translation, english = english_after_sync(
        english_admin_client, locales, slug="lisa-verhaal", lede="Een nieuwe inleiding."
    )
    html = soup(client.get(english.url).content.decode())
    notice = html.select_one(".cc-fallback-notice")
    assert notice is not None
    assert text_of(notice) == (
        "Some texts on this page have not been translated yet and are shown in Dutch."
    )
