"""Machine translation through wagtail-localize's translation editor, as a translator uses it.

The tests run with wagtail-localize's dummy translator (tests/settings.py: it reverses the words);
the example site uses DeepL when DEEPL_API_KEY is set.
"""

import importlib
import json
from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from comensha_content.models import LongreadPage
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

NEW_PARAGRAPH = "Een nieuwe alinea, nog niet vertaald."
DUMMY_ENGLISH = "vertaald. niet nog alinea, nieuwe Een"  # the dummy translator reverses words


@pytest.fixture
def translator_client(client, translator_user):
    profile = UserProfile.get_for_user(translator_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(translator_user)
    return client


@pytest.fixture
def story_with_a_new_paragraph(locales):
    """The Dutch story with one new paragraph, its translation updated (as "Sync" does)."""
    dutch = LongreadPage.objects.get(slug="lisa", locale=locales["nl"])
    body = list(dutch.body.raw_data)
    body.append({"type": "paragraph", "value": f"<p>{NEW_PARAGRAPH}</p>"})
    dutch.body = body
    dutch.save_revision().publish()
    source = TranslationSource.objects.get(object_id=dutch.translation_key, locale=locales["nl"])
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale=locales["en"])
    return translation, translation.get_target_instance()


def editor_props(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    editor = soup(response.content.decode()).select_one(".js-translation-editor")
    return json.loads(editor["data-props"])


def test_a_translator_fills_the_untranslated_texts_with_the_machine_translator(
    translator_client, client, translator_user, story_with_a_new_paragraph
):
    translation, english = story_with_a_new_paragraph
    before = {
        (t.translation_of_id, t.context_id): t.data
        for t in StringTranslation.objects.filter(locale=translation.target_locale)
    }
    total, translated = translation.get_progress()
    assert total - translated == 1

    machine = editor_props(translator_client, english)["machineTranslator"]
    assert machine["name"] == "Dummy translator"
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    response = translator_client.post(machine["url"], {"next": edit_url})
    assert response.status_code == 302 and response.url == edit_url
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert "Successfully translated with Dummy translator." in messages

    total, translated = translation.get_progress()
    assert total == translated
    filled = StringTranslation.objects.get(
        locale=translation.target_locale, translation_of__data=NEW_PARAGRAPH
    )
    assert filled.data == DUMMY_ENGLISH
    assert filled.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert filled.last_translated_by == translator_user
    after = {
        (t.translation_of_id, t.context_id): t.data
        for t in StringTranslation.objects.filter(locale=translation.target_locale)
    }
    assert {key: after[key] for key in before} == before, "the translator's work is kept"

    # Nothing left: the editor says so instead of translating again.
    response = translator_client.post(machine["url"], {"next": edit_url})
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert unescape(messages[-1]) == "There isn't anything left to translate."

    # The translator publishes from the translation editor; the reader sees the text.
    response = translator_client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    english.refresh_from_db()
    html = soup(client.get(english.url).content.decode())
    assert DUMMY_ENGLISH in text_of(html.select_one("main"))
    assert NEW_PARAGRAPH not in text_of(html)


def test_the_example_uses_deepl_only_with_an_api_key(monkeypatch):
    from demo_site import settings as example_settings

    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    assert not hasattr(importlib.reload(example_settings), "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    monkeypatch.setenv("DEEPL_API_KEY", "test-key:fx")
    try:
        config = importlib.reload(example_settings).WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    finally:
        monkeypatch.delenv("DEEPL_API_KEY")
        importlib.reload(example_settings)
    assert config["CLASS"] == "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    assert config["OPTIONS"]["AUTH_KEY"] == "test-key:fx"
