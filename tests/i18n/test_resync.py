"""A Dutch editor changes one paragraph of a translated story; syncing keeps the English work.

The sync is wagtail-localize's own "Update translations" admin view; afterwards only the changed
paragraph is left to translate and the English page shows it in Dutch, with a notice.
"""

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from comensha_content.models import LongreadPage
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

CHANGED_PARAGRAPH = "<p>Deze alinea is door de redactie herschreven na publicatie.</p>"


def english_strings(translation):
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in translation.export_po()
        if not entry.obsolete
    }


def test_resync_keeps_every_other_english_string(english_admin_client, locales):
    dutch = LongreadPage.objects.get(slug="lisa", locale=locales["nl"])
    source = TranslationSource.objects.get(object_id=dutch.translation_key, locale=locales["nl"])
    translation = Translation.objects.get(source=source, target_locale=locales["en"])
    before = english_strings(translation)
    assert all(before.values()), "the demo story is fully translated"

    body = list(dutch.body.raw_data)
    index, old = next(
        (i, block)
        for i, block in enumerate(body)
        if block["type"] == "paragraph" and block["value"].count("<p>") == 1
    )
    body[index] = {**old, "value": CHANGED_PARAGRAPH}
    dutch.body = body
    dutch.save_revision().publish()

    response = english_admin_client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": ""},
    )
    assert response.status_code == 302

    after = english_strings(translation)
    untranslated = [key for key, text in after.items() if not text]
    assert [msgid for _context, msgid in untranslated] == [
        "Deze alinea is door de redactie herschreven na publicatie."
    ]
    old_keys = before.keys() - after.keys()
    assert len(old_keys) == 1, "only the old paragraph left the source"
    kept = {key: text for key, text in after.items() if text}
    assert kept == {key: text for key, text in before.items() if key not in old_keys}
    total, translated = translation.get_progress()
    assert (total, translated) == (len(after), len(after) - 1)

    # The English page after the sync: every other text in English, the new one in Dutch.
    translation.save_target(publish=False)
    english = translation.get_target_instance()
    english.get_latest_revision().publish()
    html = soup(english_admin_client.get(english.url).content.decode())
    # What a reader gets: the text, and the images' text alternatives.
    alternatives = [image.get("alt", "") for image in html.select("main img")]
    main_text = " ".join([text_of(html.select_one("main")), *alternatives])
    assert "Deze alinea is door de redactie herschreven na publicatie." in main_text
    for (_context, _msgid), text in kept.items():
        if len(text) > 40 and "<" not in text:
            assert " ".join(text.split()) in main_text
    notice = html.select_one(".cc-fallback-notice")
    assert notice is not None and "Dutch" in text_of(notice)


def test_resync_brings_the_editors_new_terms_to_the_english_instrument(
    english_admin_client, client, locales
):
    from comensha_content.kompas.models import InstrumentPage
    from comensha_content.models import KaderTheme

    dutch = InstrumentPage.objects.filter(locale=locales["nl"]).order_by("path").first()
    chosen = set(dutch.kader_themes.values_list("code", flat=True))
    new_theme = KaderTheme.objects.filter(locale=locales["nl"]).exclude(code__in=chosen).first()
    dutch.kader_themes.add(new_theme)
    dutch.save_revision().publish()
    source = TranslationSource.objects.get(object_id=dutch.translation_key, locale=locales["nl"])

    response = english_admin_client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": ""},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(source=source, target_locale=locales["en"])
    translation.save_target(publish=False)
    english = translation.get_target_instance()
    english.get_latest_revision().publish()

    data = client.get(f"/api/v2/pages/{english.pk}/").json()
    english_theme = KaderTheme.objects.get(code=new_theme.code, locale=locales["en"])
    assert {"code": new_theme.code, "name": english_theme.name, "is_fallback": False}.items() <= (
        next(term for term in data["kader_themes"] if term["code"] == new_theme.code).items()
    )
    assert sorted(term["code"] for term in data["kader_themes"]) == sorted(
        chosen | {new_theme.code}
    )
