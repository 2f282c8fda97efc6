"""Taxonomy snippets: seeded in the default language, translated with synchronised codes."""

import pytest
from django.core.exceptions import ValidationError

from comensha_content.core.translation import translate_instance
from comensha_content.models import FormOfExploitation, KaderTheme, Plateau, Role
from comensha_content.taxonomy.seeds import seed_taxonomies
from tests.helpers import source_segments

pytestmark = pytest.mark.django_db


def test_defaults_are_seeded_in_dutch_after_migrate(locales):
    names = dict(
        FormOfExploitation.objects.filter(locale=locales["nl"]).values_list("code", "name")
    )
    assert names == {
        "sexual-exploitation": "Seksuele uitbuiting",
        "labour-exploitation": "Arbeidsuitbuiting",
        "criminal-exploitation": "Criminele uitbuiting",
        "forced-organ-removal": "Gedwongen orgaanverwijdering",
    }
    dutch_themes = KaderTheme.objects.filter(locale=locales["nl"])
    assert list(dutch_themes.values_list("number", flat=True)) == [1, 2, 3, 4, 5]
    plateaus = Plateau.objects.filter(locale=locales["nl"])
    assert set(plateaus.values_list("code", flat=True)) == {"basis", "verdieping"}
    handhaver = Role.objects.get(code="enforcement-officer", locale=locales["nl"])
    assert (handhaver.name, handhaver.kind, handhaver.domain) == (
        "Handhaver",
        "professional",
        "Handhaving",
    )


def test_seeding_again_adds_nothing_and_respects_editor_deletions(locales):
    FormOfExploitation.objects.filter(code="forced-organ-removal").delete()
    assert seed_taxonomies(locales["nl"]) == 0
    assert not FormOfExploitation.objects.filter(code="forced-organ-removal").exists()


def test_translation_translates_names_and_keeps_codes(locales, django_capture_on_commit_callbacks):
    role = Role.objects.create(
        locale=locales["nl"],
        code="alderman",
        name="Wethouder",
        kind="professional",
        domain="Gemeente",
    )
    assert set(source_segments(role)) == {"Wethouder", "Gemeente"}
    with django_capture_on_commit_callbacks(execute=True):
        english = translate_instance(
            role, locales["en"], {"Wethouder": "Alderman", "Gemeente": "Municipality"}
        )
    assert (english.name, english.domain, english.code, english.kind) == (
        "Alderman",
        "Municipality",
        "alderman",
        "professional",
    )
    assert english.locale == locales["en"] and english.translation_key == role.translation_key


def test_code_must_be_a_slug(locales):
    term = FormOfExploitation(locale=locales["nl"], code="Seksuele Uitbuiting!", name="x")
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert "kleine letters, cijfers en koppeltekens" in str(error.value)  # admin language nl


def test_code_is_unique_per_locale(locales):
    term = FormOfExploitation(locale=locales["nl"], code="labour-exploitation", name="Dubbel")
    with pytest.raises(ValidationError):
        term.full_clean()
