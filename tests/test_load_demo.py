"""`manage.py load_demo`: idempotent, bilingual, and never touches other content."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Revision, Site

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


def run_load_demo(django_capture_on_commit_callbacks, **env):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=out, **env)
    return out.getvalue()


def test_first_run_creates_locales_site_and_prints_credentials(django_capture_on_commit_callbacks):
    output = run_load_demo(django_capture_on_commit_callbacks)
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "nl"]
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.intro.startswith("Samen tegen mensenhandel")
    english = site.root_page.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and english.specific.intro.startswith("Together against")
    assert "username 'admin', password 'comensha-demo'" in output
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_second_run_creates_and_changes_nothing(django_capture_on_commit_callbacks):
    run_load_demo(django_capture_on_commit_callbacks)
    before = snapshot()
    output = run_load_demo(django_capture_on_commit_callbacks)
    assert snapshot() == before
    assert "password was left unchanged" in output


def test_credentials_can_be_chosen(django_capture_on_commit_callbacks, monkeypatch):
    output = run_load_demo(
        django_capture_on_commit_callbacks, username="editor", password="s3cret-pass"
    )
    assert "username 'editor', password 's3cret-pass'" in output
    assert get_user_model().objects.get(username="editor").check_password("s3cret-pass")


def test_refuses_a_database_with_other_content(django_capture_on_commit_callbacks):
    site = Site.objects.get(is_default_site=True)
    placeholder = site.root_page
    placeholder.title = "Our own home page"
    placeholder.save()
    before = snapshot()
    with pytest.raises(CommandError, match="never changes or deletes existing content"):
        run_load_demo(django_capture_on_commit_callbacks)
    assert snapshot() == before
