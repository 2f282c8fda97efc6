"""Fixtures and helpers of the Kompas tests (a pytest plugin of the other test_kompas modules).

The fixtures build their own Wagtail tree, so the Kompas tests run on a database created with
or without migrations (``--nomigrations`` has no Wagtail root page or locales).
"""

import io

import pytest
from django.db import transaction
from django.test import TestCase
from django.utils import translation
from wagtail.models import Locale, Page

from comensha_content.kompas.models import (
    InstrumentPage,
    KompasChapterPage,
    KompasPage,
    localized_terms,
    terms_for_locale,
)
from comensha_content.models import FormOfExploitation, KaderTheme, Organisation, Plateau
from comensha_content.taxonomy.seeds import seed_taxonomies
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


def ensure_sqlite_search_index():
    """SQLite's full-text index table as Wagtail's migration makes it.

    Without migrations Django creates ``wagtailsearch_indexentry_fts`` as a plain table, and full
    text search fails; this makes it the FTS5 virtual table with its triggers (inside the current
    transaction, so it is rolled back with it). Other databases need nothing.
    """
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    table = "wagtailsearch_indexentry"
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [f"{table}_fts"])
        row = cursor.fetchone()
        if row and "VIRTUAL" in row[0].upper():
            return
        cursor.execute(f"DROP TABLE IF EXISTS {table}_fts")
        cursor.execute(f"CREATE VIRTUAL TABLE {table}_fts USING fts5(autocomplete, body, title)")
        cursor.execute(
            f"CREATE TRIGGER insert_{table}_fts AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {table}_fts(title, body, autocomplete, rowid) "
            "VALUES (NEW.title, NEW.body, NEW.autocomplete, NEW.id); END"
        )
        cursor.execute(
            f"CREATE TRIGGER update_{table}_fts AFTER UPDATE ON {table} BEGIN "
            f"UPDATE {table}_fts SET title=NEW.title, body=NEW.body, autocomplete=NEW.autocomplete "
            "WHERE rowid=NEW.id; END"
        )
        cursor.execute(
            f"CREATE TRIGGER delete_{table}_fts AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM {table}_fts WHERE rowid=OLD.id; END"
        )


@pytest.fixture
def sqlite_search_index(db):
    ensure_sqlite_search_index()


def prepare_site_context():
    """Locales, a Wagtail root, and the example site's Dutch and English home pages."""
    from home.demo.site import prepare_site

    Locale.objects.get_or_create(language_code="nl")
    Locale.objects.get_or_create(language_code="en")
    if Page.get_first_root_node() is None:
        Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="nl"))
        )
    with TestCase.captureOnCommitCallbacks(execute=True):
        return prepare_site(io.StringIO())


@pytest.fixture
def site_context(db, empty_site, sqlite_search_index):
    """Locales, a Wagtail root, and the example site's Dutch and English home pages."""
    return prepare_site_context()


@pytest.fixture
def taxonomy(site_context):
    """The seeded taxonomy in Dutch (as after migrate), plus two partners; terms by code."""
    nl = site_context.source_locale
    seed_taxonomies(nl)
    Organisation.objects.create(code="riec", name="RIEC", locale=nl)
    Organisation.objects.create(code="police-avim", name="Politie (AVIM)", locale=nl)

    def terms(model, *codes):
        return list(model.objects.filter(code__in=codes, locale=nl))

    return terms


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


@pytest.fixture
def kompas(site_context, taxonomy, django_capture_on_commit_callbacks):
    """A Dutch Kompas with three chapters (out of tree order) and the finder instruments.

    Search indexing runs as a task on commit, so the pages are built as in a committed request.
    """
    with django_capture_on_commit_callbacks(execute=True):
        return build_kompas(site_context)


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


@pytest.fixture(scope="module")
def kompas_demo_module(django_db_setup, django_db_blocker):
    """The full example demo with the Kompas, loaded once per test module.

    Loaded inside a transaction that is rolled back after the module; each test runs in a
    savepoint within it (pytest-django's ``db``), so tests see the demo and cannot change it
    for each other. wagtail-localize and search indexing run on commit: run those callbacks
    as a commit would.
    """
    from home.demo import load_demo
    from home.demo.kompas import load

    with django_db_blocker.unblock(), transaction.atomic():
        ensure_sqlite_search_index()
        if Page.get_first_root_node() is None:
            Page.add_root(
                instance=Page(
                    title="Root",
                    slug="root",
                    locale=Locale.objects.get_or_create(language_code="nl")[0],
                )
            )
        Locale.objects.get_or_create(language_code="en")
        with TestCase.captureOnCommitCallbacks(execute=True):
            context = load_demo(io.StringIO(), "admin", "comensha-demo")
        with TestCase.captureOnCommitCallbacks(execute=True):
            load(context)
        yield context
        transaction.set_rollback(True)


@pytest.fixture
def kompas_demo(kompas_demo_module, db):
    return kompas_demo_module


def test_terms_resolve_to_the_page_locale_by_code_and_mark_fallbacks(site_context, taxonomy):
    nl, en = site_context.source_locale, site_context.target_locale
    awareness = KaderTheme.objects.get(code="awareness", locale=nl)
    english = awareness.copy_for_translation(en)
    english.name = "Awareness (EN)"
    english.save()
    policy = KaderTheme.objects.get(code="policy-foundation", locale=nl)

    resolved = localized_terms([awareness, policy], en)
    assert [(term.code, term.locale_id, term.is_fallback) for term in resolved] == [
        ("policy-foundation", nl.pk, True),
        ("awareness", en.pk, False),
    ]
    every_theme = terms_for_locale(KaderTheme, en)
    assert [term.number for term in every_theme] == [1, 2, 3, 4, 5]
    assert [term.name for term in every_theme if not term.is_fallback] == ["Awareness (EN)"]
