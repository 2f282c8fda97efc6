"""Helpers shared by tests in several folders (no fixtures, no tests): HTML parsing, block
validation errors and SQLite's full-text search table.

Fixtures shared by several folders are in tests/conftest.py.
"""

from bs4 import BeautifulSoup
from wagtail.blocks.struct_block import StructBlockValidationError


def soup(html):
    return BeautifulSoup(str(html), "html.parser")


def article_of(html):
    """A story page's ``<article>`` (what the page cache keeps; header and footer are outside)."""
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def text_of(element):
    """The text a reader sees, whitespace collapsed."""
    return " ".join(element.get_text().split())


def child_errors(block, raw):
    """``{child: [messages]}`` of cleaning ``raw`` (JSON-ish) with ``block``; {} if it is valid."""
    try:
        block.clean(block.to_python(raw))
    except StructBlockValidationError as error:
        return {
            name: list(child_error.messages) for name, child_error in error.block_errors.items()
        }
    return {}


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


def source_segments(instance):
    """Return the translatable source strings of ``instance``, in wagtail-localize's order."""
    from wagtail_localize.models import TranslationSource

    source, _created = TranslationSource.update_or_create_from_instance(instance)
    return [
        segment.string.data
        for segment in source.stringsegment_set.order_by("order").select_related("string")
    ]


def record_consent(page, **fields):
    """Valid consent for ``page``'s story in every language, as a consent officer records it.

    A story told by a victim or holding a testimony is published only with consent
    (comensha_content.safety.consent_lifecycle).
    """
    import datetime

    from django.utils import timezone
    from wagtail.models import Locale

    from comensha_content.safety.consent import StoryConsent

    today = timezone.localdate()
    values = {
        "consent_date": today - datetime.timedelta(days=1),
        "review_date": today + datetime.timedelta(days=365),
        "on_web": True,
        "via_api": True,
        **fields,
    }
    record, _created = StoryConsent.objects.update_or_create(
        translation_key=page.translation_key, defaults=values
    )
    record.scope_locales.set(Locale.objects.all())
    return record


def login_request():
    """A request for ``client.login``: django-axes checks each login against its address."""
    from django.test import RequestFactory

    return RequestFactory().post("/admin/login/")
