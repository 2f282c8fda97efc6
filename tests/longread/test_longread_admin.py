"""Editors compose longread stories through the Wagtail admin's own forms."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from comensha_content.models import FormOfExploitation, LongreadPage, Role

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def story_form(index, photo, **overrides):
    """The POST data of the admin's 'add longread story' form, as a browser sends it."""
    body = overrides.pop(
        "body",
        [
            ("chapter", {"heading": "Het begin", "intro": "", "anchor": ""}),
            ("paragraph", rich_text("<p>Jeffrey werkte in Limburg. Voorbeeldtekst.</p>")),
            (
                "testimony",
                {
                    "name": "Jeffrey",
                    "is_pseudonym": "on",
                    "speaker": "victim",
                    "text": rich_text("<p>Niemand vroeg hoe het met me ging.</p>"),
                },
            ),
            (
                "fact",
                {
                    "value": "5000",
                    "maximum": "7500",
                    "unit": "",
                    "label": "geschatte slachtoffers per jaar",
                    "source_title": "Nationaal Rapporteur Mensenhandel",
                    "source_url": "https://www.nationaalrapporteur.nl/",
                    "year": "2020",
                },
            ),
            (
                "image",
                {
                    "image": photo.pk,
                    "alt_text": "Silhouet van een jongen bij een raam",
                    "caption": "Illustratie",
                    "credit": "Bas Losekoot",
                    "layout": "inline",
                },
            ),
        ],
    )
    data = {
        "title": "Jeffrey: ‘Ik schaamde me’",
        "slug": "jeffrey",
        "lede": "Jeffrey* groeide op in Limburg.",
        "narrator_kind": "victim",
        "shown_name": "Jeffrey",
        "shown_name_is_pseudonym": "on",
        "role": Role.objects.get(code="victim", locale=index.locale).pk,
        "form_of_exploitation": FormOfExploitation.objects.get(
            code="sexual-exploitation", locale=index.locale
        ).pk,
        "region": "Limburg",
        "content_warning": "",
        "plain_language_summary": "",
        "hero_image_alt": "",
        "hero_image_caption": "",
        "hero_image_credit": "",
        "body": streamfield(body),
        "sources": streamfield([]),
        "related_stories": streamfield([]),
        "consent_records": inline_formset(overrides.pop("consent", [])),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("comensha_content", "longreadpage", index.pk))


def test_editor_composes_and_publishes_a_story(demo_admin_client, client, index, photo):
    response = demo_admin_client.post(add_url(index), story_form(index, photo))
    assert response.status_code == 302, response.context["form"].errors
    story = LongreadPage.objects.get(slug="jeffrey", locale=index.locale)
    assert story.live
    client.logout()
    html = client.get("/longread/jeffrey/").content.decode()
    assert '<h1 id="story-title">Jeffrey: ‘Ik schaamde me’</h1>' in html
    assert '<a href="#het-begin">Het begin</a>' in html
    assert "Niemand vroeg hoe het met me ging." in html
    assert "5.000–7.500" in html
    assert 'alt="Silhouet van een jongen bij een raam"' in html
    assert "Bas Losekoot" in html
    assert photo.file.url not in html  # renditions only, never the original


def block_error_page(demo_admin_client, index, photo, body):
    """Post a story whose body has one bad block; return the block's error messages as text."""
    response = demo_admin_client.post(add_url(index), story_form(index, photo, body=body))
    assert response.status_code == 200  # the form is shown again, with the errors
    assert not LongreadPage.objects.filter(slug="jeffrey").exists()  # nothing half saved
    messages = [str(message) for message in response.context["messages"]]
    assert messages, "the editor is told the page was not saved"
    assert "validatiefouten" in messages[0]
    stream_error = response.context["form"].errors["body"].as_data()[0]
    (block_errors,) = stream_error.as_json_data()["blockErrors"].values()
    return json.dumps(block_errors, ensure_ascii=False)


def test_range_minimum_above_maximum_is_a_form_error(demo_admin_client, index, photo):
    fact = {
        "value": "7500",
        "maximum": "5000",
        "unit": "",
        "label": "slachtoffers",
        "source_title": "Bron",
        "source_url": "",
        "year": "2020",
    }
    errors = block_error_page(demo_admin_client, index, photo, [("fact", fact)])
    assert (
        '"maximum": {"messages": ["De bovengrens (5000) moet groter zijn dan het getal (7500).'
        in errors
    )


def test_future_year_is_a_form_error(demo_admin_client, index, photo):
    fact = {
        "value": "10",
        "maximum": "",
        "unit": "",
        "label": "slachtoffers",
        "source_title": "Bron",
        "source_url": "",
        "year": str(TODAY.year + 1),
    }
    errors = block_error_page(demo_admin_client, index, photo, [("fact", fact)])
    assert f'"year": {{"messages": ["Het jaar {TODAY.year + 1} ligt in de toekomst.' in errors


def test_image_without_alt_text_is_a_form_error(demo_admin_client, index, photo):
    image = {"image": photo.pk, "alt_text": "", "caption": "", "credit": "", "layout": "inline"}
    errors = block_error_page(demo_admin_client, index, photo, [("image", image)])
    assert '"alt_text": {"messages": ["Beschrijf de afbeelding' in errors


def test_decorative_image_needs_no_alt_text(demo_admin_client, index, photo):
    image = {
        "image": photo.pk,
        "alt_text": "",
        "decorative": "on",
        "caption": "",
        "credit": "",
        "layout": "inline",
    }
    response = demo_admin_client.post(
        add_url(index), story_form(index, photo, body=[("image", image)])
    )
    assert response.status_code == 302


def test_javascript_link_is_a_form_error(demo_admin_client, index, photo):
    cta = {"text": "", "link_label": "Klik", "page": "", "url": "javascript:alert(1)"}
    errors = block_error_page(demo_admin_client, index, photo, [("call_to_action", cta)])
    assert '"url": {"messages": ["Vul een webadres in dat begint met https://' in errors
    assert "javascript:" in errors  # the message says why


def test_empty_chapter_heading_is_a_form_error(demo_admin_client, index, photo):
    errors = block_error_page(
        demo_admin_client,
        index,
        photo,
        [("chapter", {"heading": "   ", "intro": "", "anchor": ""})],
    )
    assert '"heading": {"messages": ["Geef het hoofdstuk een kop' in errors


def test_consent_review_more_than_three_years_on_is_a_form_error(demo_admin_client, index, photo):
    consent = [
        {
            "consent_date": "2026-01-10",
            "review_date": "2029-01-11",
            "scope": "Verhaal en voornaam",
            "internal_notes": "",
        }
    ]
    response = demo_admin_client.post(add_url(index), story_form(index, photo, consent=consent))
    assert response.status_code == 200
    assert "uiterlijk op 2029-01-10" in response.content.decode()
    assert not LongreadPage.objects.filter(slug="jeffrey").exists()


def test_consent_review_date_takes_the_story_offline(demo_admin_client, index, photo):
    consent = [
        {
            "consent_date": "2026-01-10",
            "review_date": "2029-01-10",
            "scope": "Verhaal en voornaam",
            "internal_notes": "",
        }
    ]
    response = demo_admin_client.post(add_url(index), story_form(index, photo, consent=consent))
    assert response.status_code == 302
    story = LongreadPage.objects.get(slug="jeffrey")
    assert story.expire_at is not None
    # offline from the end of the review day, in the site's time zone
    assert timezone.localtime(story.expire_at) == timezone.make_aware(
        datetime.datetime(2029, 1, 11, 0, 0)
    )
    assert story.consent_records.get().scope == "Verhaal en voornaam"


def test_edit_form_shows_the_privacy_tab(demo_admin_client, index):
    story = LongreadPage.objects.get(slug="lisa", locale=index.locale)
    html = demo_admin_client.get(
        reverse("wagtailadmin_pages:edit", args=(story.pk,))
    ).content.decode()
    assert "Privacy" in html
    assert "Nooit gepubliceerd" in html or "nooit gepubliceerd" in html.lower()
