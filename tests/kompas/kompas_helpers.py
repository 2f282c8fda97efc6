"""Helpers of the Kompas tests (no fixtures, no tests): interface strings, finder data, builders.

The fixtures built with them are in tests/conftest.py (``site_context``, ``taxonomy``,
``kompas``, also used by tests/core) and tests/kompas/conftest.py (``kompas_demo``). They build
their own Wagtail tree, so the Kompas tests run on a database created with or without
migrations (``--nomigrations`` has no Wagtail root page or locales).
"""

from django.utils import translation

from comensha_content.kompas.models import InstrumentPage, KompasChapterPage, KompasPage
from comensha_content.models import FormOfExploitation, KaderTheme, Plateau
from tests.factories import publish_child


def ui(text, language="nl"):
    """An interface string as a page shows it in ``language`` (with or without a catalog)."""
    with translation.override(language):
        return translation.gettext(text)


LEGAL_BASIS_GEMEENTEWET = [
    (
        "legal_basis",
        {"law": "Gemeentewet", "article": "174", "url": "https://wetten.overheid.nl/BWBR0005416"},
    )
]


#: Finder test data: title -> (forms of exploitation, theme numbers, plateau, competent body).
FINDER_INSTRUMENTS = {
    "Bibob-toets": (
        ["sexual-exploitation", "labour-exploitation"],
        [1, 2],
        "verdieping",
        "college",
    ),
    "APV-vergunning": (["sexual-exploitation"], [1], "basis", "burgemeester"),
    "Sluiting van een pand": (
        ["sexual-exploitation", "labour-exploitation"],
        [2],
        "basis",
        "burgemeester",
    ),
    "Zorgcoördinatie": (
        ["sexual-exploitation", "labour-exploitation", "criminal-exploitation"],
        [5],
        "basis",
        "college",
    ),
    "Beleidsplan van de raad": (["criminal-exploitation"], [1, 3], "verdieping", "raad"),
}


def make_instrument(parent, title, forms, themes, plateau, body, **fields):
    instrument = InstrumentPage(
        title=title,
        summary=fields.pop("summary", f"Samenvatting van {title}."),
        legal_basis=fields.pop("legal_basis", LEGAL_BASIS_GEMEENTEWET),
        competent_body=body,
        kader_plateau=Plateau.objects.get(code=plateau, locale=parent.locale),
        **fields,
    )
    instrument.forms_of_exploitation = FormOfExploitation.objects.filter(
        code__in=forms, locale=parent.locale
    )
    instrument.kader_themes = KaderTheme.objects.filter(number__in=themes, locale=parent.locale)
    return publish_child(parent, instrument)


def build_kompas(site_context):
    kompas = publish_child(
        site_context.home, KompasPage(title="Kompas", slug="kompas", intro="Intro")
    )
    chapters = {}
    for number, section, title in (
        (3, "met-wie", "Partners"),
        (1, "wat", "Aard en omvang"),
        (2, "hoe", "Rollen"),
    ):
        chapters[number] = publish_child(
            kompas,
            KompasChapterPage(
                title=title,
                number=number,
                section=section,
                summary=f"Over {title}.",
                body=[
                    ("chapter", {"heading": f"Kop van {title}", "intro": "", "anchor": ""}),
                    ("paragraph", "<p>Tekst.</p>"),
                ],
            ),
        )
    instruments = {
        title: make_instrument(kompas, title, forms, themes, plateau, body)
        for title, (forms, themes, plateau, body) in FINDER_INSTRUMENTS.items()
    }
    draft = InstrumentPage(
        title="Concept-instrument",
        summary="Nog niet gepubliceerd.",
        competent_body="raad",
        live=False,
    )
    kompas.add_child(instance=draft)
    draft.save_revision()
    kompas.chapters = chapters
    kompas.instruments = instruments
    return kompas
