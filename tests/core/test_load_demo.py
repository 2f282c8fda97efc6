"""`manage.py load_demo`: idempotent, bilingual, and never touches other content.

The session's test database was filled by load_demo (tests/conftest.py); these tests check that
first run and run it again.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Revision, Site

from home.models import HomePage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "sites": list(Site.objects.values_list("pk", "root_page_id")),
    }


def run_load_demo(**options):
    out = io.StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def test_first_run_created_locales_site_and_printed_credentials(demo):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "nl"]
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.intro.startswith("Samen tegen mensenhandel")
    english = site.root_page.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and english.specific.intro.startswith("Together against")
    assert "username 'admin', password 'comensha-demo'" in demo.output
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_second_run_creates_and_changes_nothing(demo):
    before = snapshot()
    output = run_load_demo()
    assert snapshot() == before
    assert "password was left unchanged" in output


def test_credentials_can_be_chosen(demo):
    output = run_load_demo(username="editor", password="s3cret-pass")
    assert "username 'editor', password 's3cret-pass'" in output
    assert get_user_model().objects.get(username="editor").check_password("s3cret-pass")


def test_refuses_a_database_with_other_content(demo):
    for home in HomePage.objects.filter(depth=2):
        home.delete()
    root = Page.get_first_root_node()
    own = root.add_child(instance=Page(title="Our own home page", slug="own"))
    Site.objects.create(hostname="localhost", port=80, root_page=own, is_default_site=True)
    before = snapshot()
    with pytest.raises(CommandError, match="never changes or deletes existing content"):
        run_load_demo()
    assert snapshot() == before
