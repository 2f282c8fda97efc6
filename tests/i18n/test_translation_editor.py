"""Translators see each field's help text in wagtail-localize's translation editor."""

import json

import pytest
from django.urls import reverse

from comensha_content.models import LongreadIndexPage, LongreadPage
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def editor_segments(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    props = soup(response.content.decode()).select_one(".js-translation-editor")["data-props"]
    return json.loads(props)["segments"]


def locations(segments, path_start):
    return [s["location"] for s in segments if s["contentPath"].startswith(path_start)]


def test_a_fields_help_text_is_shown_with_its_segment(english_admin_client, locales):
    english = LongreadPage.objects.get(slug="lisa", locale=locales["en"])
    segments = editor_segments(english_admin_client, english)
    (shown_name,) = locations(segments, "shown_name")
    assert shown_name["field"] == "Shown name"
    help_text = "The first name shown to readers, usually a changed name."  # as in testimonies
    assert shown_name["fieldHelpText"] == help_text
    assert shown_name["subField"] == help_text
    (title,) = locations(segments, "title")
    assert title["subField"] is None or "changed name" not in title["subField"]


def test_a_blocks_help_text_is_shown_with_its_segment(english_admin_client, locales):
    index = LongreadIndexPage.objects.get(locale=locales["en"])
    labels = [
        location
        for location in locations(editor_segments(english_admin_client, index), "highlighted_facts")
        if location["subField"].startswith("What it counts")
    ]
    assert len(labels) == 4, "one per highlighted fact"
    assert {location["subField"] for location in labels} == {
        "What it counts — E.g. 'victims of human trafficking a year (estimate)'."
    }
    assert {location["fieldHelpText"] for location in labels} == {
        "E.g. 'victims of human trafficking a year (estimate)'."
    }


@pytest.mark.parametrize(
    ("admin_language", "source", "target"),
    [("nl", "Nederlands", "Engels"), ("en", "Dutch", "English")],
)
def test_the_editor_names_the_languages_in_the_admins_language(
    client, demo, admin_user, locales, admin_language, source, target
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = admin_language
    profile.save()
    client.force_login(admin_user)
    english = LongreadPage.objects.get(slug="lisa", locale=locales["en"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    html = soup(response.content.decode())
    props = json.loads(html.select_one(".js-translation-editor")["data-props"])
    assert props["sourceLocale"]["displayName"] == source
    assert props["locale"]["displayName"] == target
    header = " ".join(html.select_one(".header-meta--locales").get_text().split())
    assert header.startswith(f"{source} {target}")
