"""Names and codes start translated as the source text; the translator may still change them.

The translation is started as an editor does it (wagtail-localize's "Translate" form), and the
translator's view is the translation editor's own data.
"""

import json

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from comensha_content.models import LongreadPage, Organisation
from tests.helpers import record_consent, soup

pytestmark = pytest.mark.django_db

NAMES = {"Sara", "Jan Bakker", "Politie Oost-Nederland", "Ina Hut"}
NOT_NAMES = {"Een verhaal over werk in de kas.", "Wijkagent", "Ik werkte zes dagen per week."}


@pytest.fixture
def story(locales):
    index = LongreadPage.objects.get(slug="lisa", locale=locales["nl"]).get_parent()
    page = index.add_child(
        instance=LongreadPage(
            title="Het verhaal van Sara",
            slug="sara",
            lede="Een verhaal over werk in de kas.",
            shown_name="Sara",
            locale=locales["nl"],
            body=[
                {
                    "type": "testimony",
                    "value": {
                        "name": "Sara",
                        "is_pseudonym": True,
                        "speaker": "victim",
                        "text": "<p>Ik werkte zes dagen per week.</p>",
                    },
                },
                {
                    "type": "perspective",
                    "value": {
                        "domain": "Handhaving",
                        "name": "Jan Bakker",
                        "job_title": "Wijkagent",
                        "organisation": "Politie Oost-Nederland",
                        "text": "<p>We kregen een melding van de buren.</p>",
                    },
                },
                {
                    "type": "pull_quote",
                    "value": {
                        "quote": "Niemand mag zo werken.",
                        "attribution_name": "Ina Hut",
                        "attribution_role": "onderzoeker",
                    },
                },
            ],
        )
    )
    record_consent(page)
    page.save_revision().publish()
    return page


def start_translation(client, url, locale):
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.content.decode()[:500]


def editor_translations(client, page):
    """{(field path, source text): translation} as the translation editor shows them."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    props = json.loads(
        soup(response.content.decode()).select_one(".js-translation-editor")["data-props"]
    )
    sources = {
        s["id"]: (s["contentPath"], s["source"]) for s in props["segments"] if s["type"] == "string"
    }
    return {sources[t["segment_id"]]: t["data"] for t in props["initialStringTranslations"]}


def by_text(shown):
    return {text: translated for (_path, text), translated in shown.items()}


def test_names_in_a_new_translation_start_as_the_source_and_stay_editable(
    english_admin_client, client, story, locales
):
    start_translation(
        english_admin_client,
        reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
        locales["en"],
    )
    english = story.get_translation(locales["en"])
    shown = editor_translations(english_admin_client, english)
    assert len(shown) == 5, "shown name, testimony name, professional, organisation, quoted"
    assert by_text(shown) == {text: text for text in NAMES}
    assert NOT_NAMES.isdisjoint(by_text(shown)), "only names are filled in"
    assert english.specific.shown_name == "Sara"

    # The translator changes a pre-filled name in the editor; a later sync keeps it.
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=locales["en"]
    )
    segment = StringSegment.objects.get(source=translation.source, context__path="shown_name")
    response = english_admin_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=Sarah",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    story.lede = "Een nieuwe inleiding."
    story.save_revision().publish()
    response = english_admin_client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]), {}
    )
    assert response.status_code == 302
    shown = editor_translations(english_admin_client, english)
    assert shown[("shown_name", "Sara")] == "Sarah"
    assert len(shown) == 5 and "Een nieuwe inleiding." not in by_text(shown)
    pre_filled = StringTranslation.objects.filter(
        locale=locales["en"],
        context__object_id=story.translation_key,
        tool_name="a copy of the source text",  # the admin in English
    )
    # The testimony's "Sara" is still the copy; the shown name is the translator's "Sarah".
    assert sorted(t.data for t in pre_filled) == sorted(NAMES)


def test_an_organisations_name_and_abbreviation_start_as_the_source(english_admin_client, locales):
    organisation = Organisation.objects.create(
        code="riec-test",
        name="Regionaal Informatie- en Expertise Centrum Oost",
        abbreviation="RIEC",
        description="Werkt samen tegen ondermijning.",
        locale=locales["nl"],
    )
    start_translation(
        english_admin_client,
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["comensha_content", "organisation", organisation.pk],
        ),
        locales["en"],
    )
    english = organisation.get_translation(locales["en"])
    assert english.name == "Regionaal Informatie- en Expertise Centrum Oost"
    assert english.abbreviation == "RIEC"
    translation = Translation.objects.get(
        source__object_id=organisation.translation_key, target_locale=locales["en"]
    )
    total, translated = translation.get_progress()
    assert (total, translated) == (3, 2), "the description is left to the translator"
