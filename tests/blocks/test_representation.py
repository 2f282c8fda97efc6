"""Shared API representations: rich text formats, translations of chosen objects, images."""

import pytest
from django.test import override_settings
from django.utils import translation
from wagtail.models import Page

from comensha_content.core.locales import localized_instance
from comensha_content.core.representation import (
    image_representation,
    page_link_representation,
    rich_text_format_from_context,
    rich_text_representation,
    snippet_representation,
)
from comensha_content.models import Helpline

pytestmark = pytest.mark.django_db

DB_HTML = '<p>Lees <a linktype="page" id="999999">meer</a> en <b>dit</b>.</p>'


@override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="html")
def test_rich_text_follows_the_setting_and_the_explicit_format():
    expanded = rich_text_representation(DB_HTML)
    assert "linktype" not in expanded and "<b>dit</b>" in expanded
    assert rich_text_representation(DB_HTML, "db_html") == DB_HTML
    with pytest.raises(ValueError):
        rich_text_representation(DB_HTML, "pdf")


@override_settings(WAGTAILAPI_RICH_TEXT_FORMAT="db_html")
def test_rich_text_default_is_the_database_format():
    assert rich_text_representation(DB_HTML) == DB_HTML
    assert rich_text_representation(None) is None


def test_rich_text_format_comes_from_the_api_context(rf):
    assert rich_text_format_from_context(None) is None
    assert rich_text_format_from_context({"rich_text_format": "html"}) == "html"
    assert rich_text_format_from_context({"_wagtail_rich_text_format": "db_html"}) == "db_html"
    assert rich_text_format_from_context({"request": rf.get("/?rich_text_format=html")}) == "html"
    # an unknown value in the query is the API layer's to report, never a failed read here
    assert rich_text_format_from_context({"request": rf.get("/?rich_text_format=pdf")}) is None


@pytest.fixture
def about(site_home, block_locales):
    dutch = site_home.add_child(instance=Page(title="Over ons", slug="over-ons"))
    dutch.save_revision().publish()
    english = dutch.copy_for_translation(block_locales["en"], copy_parents=True)
    english.title = "About us"
    english.save()
    return Page.objects.get(pk=dutch.pk), english


def test_localized_page_is_the_live_translation_only(about):
    dutch, english = about
    with translation.override("nl"):
        assert localized_instance(dutch) == (dutch, False)
    with translation.override("en"):
        assert localized_instance(dutch) == (dutch, True)  # English is still a draft
        english.save_revision().publish()
        page, is_fallback = localized_instance(dutch)
        assert (page.pk, is_fallback) == (english.pk, False)
        assert page_link_representation(dutch) == {
            "id": english.pk,
            "type": "wagtailcore.Page",
            "locale": "en",
            "title": "About us",
            "url": "/en/over-ons/",
            "is_fallback": False,
        }
    with translation.override("nl"):
        # an English page chosen somewhere resolves to Dutch for Dutch readers
        assert localized_instance(english)[0].pk == dutch.pk


def test_localized_snippet_and_its_representation(block_locales):
    dutch = Helpline.objects.create(
        locale=block_locales["nl"], name="Politie", phone_number="0900 8844"
    )
    with translation.override("en"):
        assert snippet_representation(dutch)["is_fallback"] is True
        english = dutch.copy_for_translation(block_locales["en"])
        english.name = "Police"
        english.save()
        data = snippet_representation(dutch)
    assert (data["id"], data["name"], data["locale"], data["is_fallback"]) == (
        english.pk,
        "Police",
        "en",
        False,
    )
    assert snippet_representation(None) is None
    assert localized_instance(None) == (None, False)


@override_settings(COMENSHA_CONTENT_IMAGE_RENDITIONS={"thumb": "fill-100x100", "wide": "width-300"})
def test_image_representation_uses_configured_renditions_only(image, django_assert_max_num_queries):
    data = image_representation(image, alt="Alt", caption="Bijschrift", credit="Fotograaf")
    assert data["renditions"] == {
        "thumb": {"url": data["renditions"]["thumb"]["url"], "width": 100, "height": 100},
        "wide": {"url": data["renditions"]["wide"]["url"], "width": 300, "height": 225},
    }
    assert (data["alt"], data["decorative"], data["caption"], data["credit"]) == (
        "Alt",
        False,
        "Bijschrift",
        "Fotograaf",
    )
    assert (data["width"], data["height"]) == (640, 480)
    assert image.file.url not in str(data)
    # existing renditions are fetched in one query, not one per size
    fresh = type(image).objects.get(pk=image.pk)
    with django_assert_max_num_queries(1):
        image_representation(fresh)


def test_decorative_image_representation_has_no_alt(image):
    assert image_representation(image, alt="Niet tonen", decorative=True)["alt"] == ""
    assert image_representation(None) is None
