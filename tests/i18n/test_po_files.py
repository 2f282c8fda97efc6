"""A translator's PO file through wagtail-localize's admin: download, edit one string, upload.

Exactly the edited string changes and nothing else is lost; a bad upload (texts not in the page,
a broken file, a file without wagtail-localize's header, another page's file) gets a clear
message and changes nothing.
"""

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse
from wagtail_localize.models import StringTranslation, Translation

from comensha_content.core import po_upload
from comensha_content.models import LongreadPage
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db


def story_translation(locales, slug="lisa"):
    dutch = LongreadPage.objects.get(slug=slug, locale=locales["nl"])
    return Translation.objects.get(
        source__object_id=dutch.translation_key, target_locale=locales["en"]
    )


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    return polib.pofile(response.content.decode())


def upload(client, translation, content, name="translation.po"):
    edit_url = translation.get_target_instance_edit_url()
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile(name, content), "next": edit_url},
    )
    assert response.status_code == 302 and response["Location"] == edit_url
    return [
        (message.level_tag, str(message).strip()) for message in get_messages(response.wsgi_request)
    ]


def stored_translations(locale):
    """Every stored string translation into ``locale``: what an upload could change."""
    return sorted(
        StringTranslation.objects.filter(locale=locale).values_list(
            "pk", "translation_of_id", "context_id", "data", "updated_at"
        )
    )


def publish_translation(translation):
    translation.save_target(publish=False)
    page = translation.get_target_instance()
    page.get_latest_revision().publish()
    page.refresh_from_db()
    return page


def test_the_upload_url_is_the_checked_one():
    url = reverse("wagtail_localize:upload_pofile", args=[1])
    assert resolve(url).url_name == "comensha_content_upload_pofile"


def test_po_round_trip_changes_exactly_the_edited_string(english_admin_client, locales):
    translation = story_translation(locales)
    po = download(english_admin_client, translation)
    entries = [entry for entry in po if not entry.obsolete]
    assert len(entries) > 10 and all(entry.msgstr for entry in entries), "demo is fully translated"
    before = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in entries}
    edited = next(entry for entry in entries if len(entry.msgid) > 60)
    old_text = edited.msgstr
    edited.msgstr = "An edited sentence from the translator's PO file."

    messages = upload(english_admin_client, translation, str(po).encode())
    assert messages == [("success", "Successfully imported translations from PO File.")]

    after = {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in download(english_admin_client, translation)
        if not entry.obsolete
    }
    changed = {key for key in before if before[key] != after.get(key)}
    assert changed == {(edited.msgctxt, edited.msgid)}
    assert after.keys() == before.keys()

    english = publish_translation(translation)
    page_text = text_of(
        soup(english_admin_client.get(english.url).content.decode()).select_one("main")
    )
    assert "An edited sentence from the translator's PO file." in page_text
    assert " ".join(old_text.split()) not in page_text


def assert_refused(client, translation, content, message, locales):
    before = stored_translations(locales["en"])
    messages = upload(client, translation, content)
    assert messages == [("error", message)]
    assert stored_translations(locales["en"]) == before


def test_a_po_file_with_texts_not_in_the_page_is_refused_whole(english_admin_client, locales):
    translation = story_translation(locales)
    po = download(english_admin_client, translation)
    legit = next(entry for entry in po if not entry.obsolete)
    legit.msgstr = "This change must not arrive either."
    po.append(polib.POEntry(msgid="Deze zin staat niet op de pagina.", msgstr="Not on the page."))
    assert_refused(
        english_admin_client,
        translation,
        str(po).encode(),
        "1 text in this PO file is not in this page (“Deze zin staat niet op de pagina.”). "
        "Nothing was imported: download the PO file again and translate its texts only.",
        locales,
    )


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff\xfe not a PO file at all \x81",
        b'msgid "a"\nmsgstr "b"\nthis line is not PO\n',
        b"<html><body>Not a PO file</body></html>\n",
    ],
    ids=["binary", "syntax-error", "html"],
)
def test_a_broken_file_is_refused(english_admin_client, locales, content):
    assert_refused(
        english_admin_client,
        story_translation(locales),
        content,
        "This file is not a valid PO file. Upload the PO file you downloaded here.",
        locales,
    )


def test_a_po_file_without_wagtail_localize_header_is_refused(english_admin_client, locales):
    """wagtail-localize's own view answers this one with a server error (KeyError)."""
    translation = story_translation(locales)
    po = download(english_admin_client, translation)
    del po.metadata[po_upload.TRANSLATION_ID_HEADER]
    assert_refused(
        english_admin_client,
        translation,
        str(po).encode(),
        "This PO file was not downloaded from this translation (it has no translation ID). "
        "Upload the PO file you downloaded here.",
        locales,
    )


def test_another_pages_po_file_is_refused(english_admin_client, locales):
    other = download(english_admin_client, story_translation(locales, "alexander"))
    for entry in other:
        entry.msgstr = "Overwritten from another page's PO file."
    assert_refused(
        english_admin_client,
        story_translation(locales),
        str(other).encode(),
        "This PO file belongs to another page or translation. Upload the PO file you "
        "downloaded here.",
        locales,
    )


def test_no_file_is_refused(english_admin_client, locales):
    translation = story_translation(locales)
    before = stored_translations(locales["en"])
    response = english_admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"next": translation.get_target_instance_edit_url()},
    )
    assert response.status_code == 302
    messages = [str(m).strip() for m in get_messages(response.wsgi_request)]
    assert messages == ["Choose a PO file to upload."]
    assert stored_translations(locales["en"]) == before
