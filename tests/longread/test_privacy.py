"""Consent and identity data of the people in stories never reach readers, the API, search
or translators. A sentinel value in every consent field is searched for in every output."""

import pytest
from wagtail.models import Locale

from comensha_content.core.translation import translate_instance
from comensha_content.models import LongreadPage, StoryConsent

pytestmark = pytest.mark.django_db

SENTINELS = {
    "internal_notes": "SENTINEL-NOTES-Echte-Naam-Jansen-9b1c",
}


@pytest.fixture
def story(demo):
    """Lisa's story, whose consent record's notes hold the sentinel, published again."""
    story = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
    record = StoryConsent.objects.get(translation_key=story.translation_key)
    record.internal_notes = SENTINELS["internal_notes"]
    record.save()
    story.save_revision().publish()
    story.refresh_from_db()
    return story


def assert_no_sentinel(text, where):
    for sentinel in SENTINELS.values():
        assert sentinel not in text, f"consent data leaked into {where}"


def test_not_in_the_page(client, story):
    assert_no_sentinel(client.get(story.url).content.decode(), "the story page")
    assert_no_sentinel(client.get("/longread/").content.decode(), "the index page")


def test_not_in_api_v2(client, story):
    assert_no_sentinel(client.get(f"/api/v2/pages/{story.pk}/").content.decode(), "API detail")
    listing = client.get("/api/v2/pages/?type=comensha_content.LongreadPage&fields=*")
    assert_no_sentinel(listing.content.decode(), "API listing")
    asked = client.get(f"/api/v2/pages/{story.pk}/?fields=internal_notes")
    assert asked.status_code == 400


def test_not_in_api_v3(client, story, settings):
    if not settings.WAGTAIL_8:
        pytest.skip("API v3 exists from Wagtail 8.0 on")
    response = client.get(f"/api/v3/pages/{story.pk}/")
    assert response.status_code == 200
    assert_no_sentinel(response.content.decode(), "API v3 detail")
    assert_no_sentinel(client.get("/api/v3/openapi.json").content.decode(), "OpenAPI")


def test_not_in_search(story):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    for sentinel in SENTINELS.values():
        assert list(backend.search(sentinel, LongreadPage)) == []
    assert list(backend.search("Lisa", LongreadPage))  # the story itself is searchable


def test_not_in_the_translation_export(story, locales, client):
    from wagtail_localize.models import Translation, TranslationSource

    source, _ = TranslationSource.update_or_create_from_instance(story)
    translation = Translation.objects.get(source=source, target_locale=locales["en"])
    po = str(translation.export_po())
    assert "SENTINEL" not in po
    assert "Lisa" in po  # the export itself works


def test_translating_again_copies_no_consent(story, locales):
    english = story.get_translation(Locale.objects.get(language_code="en"))
    translated = translate_instance(story, locales["en"], lambda text: text, strict=False)
    assert translated.pk == english.pk
    assert not hasattr(translated.specific, "consent_records")
    record = StoryConsent.objects.get(translation_key=story.translation_key)
    assert record.covers(english.locale_id)  # one record covers both languages


def test_not_in_the_sitemap(client, story):
    assert_no_sentinel(client.get("/sitemap.xml").content.decode(), "the sitemap")
