"""Editors compose longread stories through the Wagtail admin's own forms."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import (
    nested_form_data,
    rich_text,
    streamfield,
)

from comensha_content.models import FormOfExploitation, Helpline, LongreadPage, Role
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()  # the site's today, as its forms judge dates


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
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("comensha_content", "longreadpage", index.pk))


def test_editor_composes_a_story_and_publishes_it_once_consent_is_recorded(
    client, moderator_user, consent_officer, index, photo
):
    client.force_login(moderator_user)  # Wagtail's Moderators may publish
    response = client.post(add_url(index), story_form(index, photo), follow=True)
    messages = " ".join(str(message) for message in response.context["messages"])
    assert "maar het verhaal is niet gepubliceerd" in messages  # a victim's story: no consent yet
    story = LongreadPage.objects.get(slug="jeffrey", locale=index.locale)
    assert not story.live
    assert story.get_latest_revision_as_object().lede == "Jeffrey* groeide op in Limburg."
    assert client.get("/longread/jeffrey/").status_code == 404

    officer = client.__class__()
    officer.force_login(consent_officer)
    added = officer.post(
        reverse("story_consent:add"),
        {
            "story": story.pk,
            "consent_date": TODAY.isoformat(),
            "review_date": (TODAY + datetime.timedelta(days=365)).isoformat(),
            "scope_locales": [index.locale_id],
            "on_web": "on",
            "internal_notes": "",
        },
    )
    assert added.status_code == 302, added.context["form"].errors

    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    response = client.post(edit_url, story_form(index, photo))
    assert response.status_code == 302, response.context["form"].errors
    story.refresh_from_db()
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


def test_edit_form_shows_the_consent_status_and_no_consent_fields(demo_admin_client, index):
    story = LongreadPage.objects.get(slug="lisa", locale=index.locale)
    html = demo_admin_client.get(
        reverse("wagtailadmin_pages:edit", args=(story.pk,))
    ).content.decode()
    assert "Toestemming is geldig tot" in html
    assert "consent_records" not in html and "internal_notes" not in html


# --- Fact numbers typed in Dutch or English notation (comensha_content.blocks.numbers) --------

ADMIN_CLIENTS = {"nl": "demo_admin_client", "en": "english_admin_client"}


def fact_with(number):
    return {
        "value": number,
        "maximum": "",
        "unit": "",
        "label": "slachtoffers",
        "source_title": "Bron",
        "source_url": "",
        "year": "2020",
    }


def body_in_form(response):
    """The story body's blocks and errors as the edit form hands them to Wagtail's StreamField
    script (rendered in the interface language of the editor)."""
    element = soup(response.content.decode()).find("div", id="body", attrs={"data-block": True})
    blocks, errors = json.loads(element["data-w-block-arguments-value"])
    return blocks, errors or {}


def professional_story(index, photo, body):
    """A professional's story (no consent needed), so publishing succeeds."""
    return story_form(
        index,
        photo,
        body=body,
        narrator_kind="professional",
        role=Role.objects.get(code="care-coordinator", locale=index.locale).pk,
    )


@pytest.mark.parametrize("interface", ["nl", "en"])
@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("1500", Decimal("1500"), "1.500"),
        ("1,5", Decimal("1.5"), "1,5"),
        ("1.5", Decimal("1.5"), "1,5"),
        ("1.500,5", Decimal("1500.5"), "1.500,5"),
        ("1,500.5", Decimal("1500.5"), "1.500,5"),
        ("1.500.000", Decimal("1500000"), "1.500.000"),
    ],
)
def test_fact_number_typed_in_either_notation_is_published_as_meant(
    request, interface, typed, stored, shown, index, photo
):
    client = request.getfixturevalue(ADMIN_CLIENTS[interface])
    response = client.post(
        add_url(index), professional_story(index, photo, [("fact", fact_with(typed))])
    )
    assert response.status_code == 302, response.context["form"].errors
    story = LongreadPage.objects.get(slug="jeffrey", locale=index.locale)
    assert story.live
    assert story.body[0].value["value"] == stored
    client.logout()
    html = soup(client.get("/longread/jeffrey/").content.decode())
    assert text_of(html.find("span", class_="cc-fact__number")) == shown


@pytest.mark.parametrize(
    ("interface", "typed", "message"),
    [
        (
            "nl",
            "1.500",
            "„1.500” kan 1500 of 1.5 betekenen. Typ 1500 voor het hele getal, "
            "of 1.5 voor het getal met decimalen.",
        ),
        (
            "nl",
            "1,500",
            "„1,500” kan 1500 of 1,5 betekenen. Typ 1500 voor het hele getal, "
            "of 1,5 voor het getal met decimalen.",
        ),
        (
            "en",
            "1.500",
            "“1.500” could be 1500 or 1.5. Type 1500 for the whole number, "
            "or 1.5 for the number with decimals.",
        ),
        (
            "en",
            "1,500",
            "“1,500” could be 1500 or 1,5. Type 1500 for the whole number, "
            "or 1,5 for the number with decimals.",
        ),
        ("nl", "veel", "Vul een getal in, zoals 1500 of 12,5."),
        ("en", "veel", "Enter a number, such as 1500 or 12.5."),
    ],
)
def test_ambiguous_or_wrong_fact_number_is_a_form_error(
    request, interface, typed, message, index, photo
):
    client = request.getfixturevalue(ADMIN_CLIENTS[interface])
    response = client.post(
        add_url(index), professional_story(index, photo, [("fact", fact_with(typed))])
    )
    assert response.status_code == 200  # the form again, nothing saved
    assert not LongreadPage.objects.filter(slug="jeffrey").exists()
    typed_again, errors = body_in_form(response)
    assert errors["blockErrors"]["0"]["blockErrors"]["value"] == {"messages": [message]}
    assert typed_again[0]["value"]["value"] == typed  # shown again as typed, to correct


def test_stored_fact_number_is_edited_and_saved_unchanged(demo_admin_client, index, photo):
    """A stored 12.125 is shown as 12,1250 (not the ambiguous 12,125): saving keeps it."""
    response = demo_admin_client.post(
        add_url(index), professional_story(index, photo, [("fact", fact_with("12,1250"))])
    )
    assert response.status_code == 302, response.context["form"].errors
    story = LongreadPage.objects.get(slug="jeffrey", locale=index.locale)
    assert story.body[0].value["value"] == Decimal("12.125")
    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    form_html = demo_admin_client.get(edit_url).content.decode()
    assert "12,1250" in form_html
    response = demo_admin_client.post(
        edit_url, professional_story(index, photo, [("fact", fact_with("12,1250"))])
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.body[0].value["value"] == Decimal("12.125")


# --- Labels, suggestions, alt text and changed names in the editor's form ----------------------


@pytest.mark.parametrize(
    ("interface", "tab", "body", "contents"),
    [
        ("nl", "Verhaal", "Hoofdstukken en blokken", "Inhoud"),
        ("en", "Story", "Chapters and blocks", "Contents"),
    ],
)
def test_tab_body_field_and_readers_contents_have_distinct_names(
    request, interface, tab, body, contents, index
):
    client = request.getfixturevalue(ADMIN_CLIENTS[interface])
    form = soup(client.get(add_url(index)).content.decode())
    tabs = [text_of(link).split(" (")[0] for link in form.select('[role="tab"]')]
    assert tabs[0] == tab
    body_heading = form.find(id=re.compile(r"-body-heading$"))
    assert text_of(body_heading.find(attrs={"data-panel-heading-text": True})) == body
    story = LongreadPage.objects.get(slug="lisa", locale=index.locale)
    url = story.url if interface == "nl" else story.get_translation(locale_en()).url
    reader = soup(client.get(url).content.decode())
    assert text_of(reader.find(id="toc-heading")) == contents
    assert len({tab, body, contents}) == 3


def locale_en():
    return Locale.objects.get(language_code="en")


def helpline_block(index):
    helpline = Helpline.objects.filter(locale=index.locale).first()
    return (
        "helpline",
        {
            "heading": "Hulp nodig?",
            "helplines": {"count": "1", "0": {"value": helpline.pk, "deleted": "", "order": "0"}},
        },
    )


def test_editor_is_suggested_helplines_for_a_victims_story_without_refusal(
    client, editor_user, index, photo
):
    """A member of Wagtail's Editors group saves a victim's story without helplines: it is
    saved, and the edit form suggests a Helplines block until the story has one."""
    client.force_login(editor_user)
    draft = story_form(index, photo)
    draft.pop("action-publish")
    response = client.post(add_url(index), draft)
    assert response.status_code == 302, response.context["form"].errors
    story = LongreadPage.objects.get(slug="jeffrey", locale=index.locale)
    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])

    form = soup(client.get(edit_url).content.decode())
    suggestions = form.find(attrs={"data-editor-suggestions": True})
    assert "(opslaan en publiceren kan ook zonder)" in text_of(suggestions)
    assert [text_of(item) for item in suggestions.find_all("li")] == [
        "Dit verhaal vertelt de ervaring van een slachtoffer, maar heeft geen blok Hulplijnen. "
        "Voeg er een toe, meestal aan het eind, zodat lezers die zich herkennen weten waar ze "
        "hulp vinden."
    ]

    body = [
        ("paragraph", rich_text("<p>Jeffrey werkte in Limburg.</p>")),
        helpline_block(index),
    ]
    with_helplines = story_form(index, photo, body=body)
    with_helplines.pop("action-publish")
    response = client.post(edit_url, with_helplines)
    assert response.status_code == 302, response.context["form"].errors
    form = soup(client.get(edit_url).content.decode())
    assert form.find(attrs={"data-editor-suggestions": True}) is None


def test_professionals_story_gets_no_helpline_suggestion(demo_admin_client, index, photo):
    response = demo_admin_client.post(
        add_url(index),
        professional_story(index, photo, [("paragraph", rich_text("<p>Een werkdag.</p>"))]),
    )
    assert response.status_code == 302, response.context["form"].errors
    story = LongreadPage.objects.get(slug="jeffrey", locale=index.locale)
    form = demo_admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert "data-editor-suggestions" not in form.content.decode()


def test_long_pull_quote_is_saved_and_suggested_shorter(demo_admin_client, index, photo):
    quote = "Ik werkte twaalf uur per dag en kreeg niets. " * 6
    body = [("pull_quote", {"quote": quote, "attribution_name": "", "attribution_role": ""})]
    response = demo_admin_client.post(add_url(index), professional_story(index, photo, body))
    assert response.status_code == 302, response.context["form"].errors  # never refused
    story = LongreadPage.objects.get(slug="jeffrey", locale=index.locale)
    assert story.live and story.body[0].value["quote"] == quote.strip()
    form = soup(
        demo_admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    )
    (suggestion,) = form.find(attrs={"data-editor-suggestions": True}).find_all("li")
    assert text_of(suggestion) == (
        f"Het uitgelichte citaat „Ik werkte twaalf uur per dag…” is {len(quote.strip())} "
        "tekens lang; tot 200 leest het best."
    )
    # The quote's field counts characters in the browser (soft-limit.js)
    assert "comensha_content/blocks/soft-limit.js" in str(form)


def test_alt_text_from_the_image_description_and_a_changed_name_in_a_pull_quote(
    demo_admin_client, index, photo
):
    photo.description = "Silhouet van een jongen bij een raam"
    photo.save()
    body = [
        (
            "image",
            {"image": photo.pk, "alt_text": "", "caption": "", "credit": "", "layout": "inline"},
        ),
        (
            "pull_quote",
            {
                "quote": "Niemand vroeg hoe het met me ging.",
                "attribution_name": "Sara",
                "attribution_is_pseudonym": "on",
                "attribution_role": "",
            },
        ),
    ]
    response = demo_admin_client.post(add_url(index), professional_story(index, photo, body))
    assert response.status_code == 302, response.context["form"].errors  # alt not asked again
    demo_admin_client.logout()
    html = soup(demo_admin_client.get("/longread/jeffrey/").content.decode())
    assert html.find("img", class_="cc-image__img")["alt"] == photo.description
    caption = html.find("figcaption", class_="cc-pull-quote__attribution")
    assert text_of(caption.find("span", class_="cc-pull-quote__name")) == "Sara*"
    assert "* Naam gewijzigd om de identiteit te beschermen" in text_of(caption)
    # The narrator's byline uses the same note
    byline_note = html.find("small", class_="cc-story__pseudonym-note")
    assert text_of(byline_note) == "* Naam gewijzigd om de identiteit te beschermen"
