"""Fixtures of the Kompas tests only; ``site_context``, ``taxonomy`` and ``kompas`` are shared
with tests/core, in tests/conftest.py."""

import io

import pytest
from django.db import transaction
from django.test import TestCase
from wagtail.models import Locale, Page

from tests.helpers import ensure_sqlite_search_index


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
