"""Fixtures shared by the test folders, each defined once here.

- The demo content (loaded once per session), the locales and an emptied site.
- Site roots: ``site_context`` (the example's Dutch and English home pages, without the demo's
  content), ``site_home`` (a Dutch site root that needs no migrations).
- The Kompas built on ``site_context`` (``taxonomy``, ``kompas``): tests/kompas and tests/core.
- The longread index and a photo: tests/longread and tests/robustness.
- Users: ``superuser`` / ``superuser_client`` (a new superuser "editor"), ``demo_admin_client``
  (the demo's "admin") and ``english_admin_client`` (pytest-django's ``admin_user``, with
  Wagtail's admin in English); roles: ``editor_user`` and ``moderator_user`` (Wagtail's default
  Editors and Moderators groups), ``translator_user`` (the English tree only) and
  ``consent_officer`` (the "Consent officers" group).

Fixtures only one folder uses are in that folder's conftest.py; helpers (no fixtures) are in
tests/helpers.py and the folders' *_helpers.py modules.
"""

import io

import pytest
from django.test import TestCase
from wagtail.models import Locale, Page, Site

from tests.helpers import ensure_sqlite_search_index, login_request
from tests.kompas.kompas_helpers import build_kompas


@pytest.fixture(autouse=True)
def empty_cache_per_test():
    """Every test starts with an empty default cache.

    The cache is not rolled back with a test's database: a helpline, theme or content
    generation cached by one test (footer, header, API ETags) would otherwise outlive its rows.
    """
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def site_language_per_test():
    """Every test starts in the site's language, as every request does.

    A test that activates another language (a translation helper, a rendered English page)
    would otherwise leave it active for the next test on the same worker, and a message
    asserted in Dutch would come out in English.
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """Load the example's demo content once, into the test database, as `load_demo` does.

    Loading it takes seconds (every page is translated through wagtail-localize), so it is done
    once per session; each test then runs in a transaction that is rolled back.
    """
    from home.demo import load_demo

    if request.config.getvalue("nomigrations"):
        return None  # no Wagtail root page or locales without migrations: no demo either
    output = io.StringIO()
    with django_db_blocker.unblock():
        context = load_demo(output, "admin", "comensha-demo")
    context.output = output.getvalue()
    return context


@pytest.fixture
def demo(db, django_db_setup):
    """The demo content (a home.demo.site.DemoContext), in Dutch and English."""
    if django_db_setup is None:
        pytest.skip("the demo content needs migrations (run without --nomigrations)")
    return django_db_setup


@pytest.fixture
def home(demo):
    return demo.home


@pytest.fixture
def locales(db):
    return {
        "nl": Locale.objects.get(language_code="nl"),
        "en": Locale.objects.get(language_code="en"),
    }


@pytest.fixture
def empty_site(db):
    """The state right after `migrate` and the home pages: the session's demo content removed.

    For tests that build their own content with the demo's codes and slugs. Rolled back with
    the test, so the next test sees the demo again.
    """
    from wagtail.models import Page

    from comensha_content import models as cc

    Page.objects.filter(depth__gt=2).delete()  # treebeard deletes subtrees, fixes numchild
    for model in (cc.Recommendation, cc.RecommendationTheme, cc.Organisation, cc.Helpline):
        model.objects.all().delete()
    default = Locale.get_default()
    for model in (cc.FormOfExploitation, cc.Role, cc.KaderTheme, cc.Plateau):
        model.objects.exclude(locale=default).delete()


# --- Site roots --------------------------------------------------------------------------------


@pytest.fixture
def sqlite_search_index(db):
    """SQLite's full-text index table as Wagtail's search migration makes it (see the helper)."""
    ensure_sqlite_search_index()


@pytest.fixture
def site_context(db, empty_site, sqlite_search_index):
    """Locales, a Wagtail root, and the example site's Dutch and English home pages.

    A home.demo.site.DemoContext, without other capabilities' content (``empty_site``).
    """
    from home.demo.site import prepare_site

    Locale.objects.get_or_create(language_code="nl")
    Locale.objects.get_or_create(language_code="en")
    if Page.get_first_root_node() is None:  # no migrations: make what Wagtail's would
        Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="nl"))
        )
    with TestCase.captureOnCommitCallbacks(execute=True):
        return prepare_site(io.StringIO())


@pytest.fixture
def block_locales(db):
    nl, _ = Locale.objects.get_or_create(language_code="nl")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"nl": nl, "en": en}


@pytest.fixture
def site_home(block_locales, request):
    """The default site's root page, in Dutch (created when migrations did not)."""
    if Page.objects.filter(depth=2).exists():
        request.getfixturevalue("empty_site")  # the demo's pages would clash with the tests'
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page.specific
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=block_locales["nl"])
    )
    home = root.add_child(instance=Page(title="Home", slug="home", locale=block_locales["nl"]))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


# --- The Kompas (tests/kompas, tests/core) -----------------------------------------------------


@pytest.fixture
def taxonomy(site_context):
    """The seeded taxonomy in Dutch (as after migrate), plus two partners; terms by code."""
    from comensha_content.models import Organisation
    from comensha_content.taxonomy.seeds import seed_taxonomies

    nl = site_context.source_locale
    seed_taxonomies(nl)
    Organisation.objects.create(code="riec", name="RIEC", locale=nl)
    Organisation.objects.create(code="police-avim", name="Politie (AVIM)", locale=nl)

    def terms(model, *codes):
        return list(model.objects.filter(code__in=codes, locale=nl))

    return terms


@pytest.fixture
def kompas(site_context, taxonomy, django_capture_on_commit_callbacks):
    """A Dutch Kompas with three chapters (out of tree order) and the finder instruments.

    Search indexing runs as a task on commit, so the pages are built as in a committed request.
    """
    with django_capture_on_commit_callbacks(execute=True):
        return build_kompas(site_context)


# --- Longread (tests/longread, tests/robustness) -----------------------------------------------


@pytest.fixture
def index(demo):
    """The demo's Dutch longread index."""
    from comensha_content.models import LongreadIndexPage

    return LongreadIndexPage.objects.get(locale__language_code="nl")


@pytest.fixture
def photo(demo):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    return get_image_model().objects.create(
        title="Silhouet bij een raam", file=get_test_image_file(filename="silhouet.png")
    )


# --- Users -------------------------------------------------------------------------------------


@pytest.fixture
def superuser(django_user_model):
    """A superuser of the test's own, "editor" (beside the demo's "admin")."""
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "password")


@pytest.fixture
def superuser_client(client, superuser):
    """The test client, logged in as ``superuser``."""
    client.force_login(superuser)
    return client


@pytest.fixture
def demo_admin_client(client, demo):
    """The test client, logged in as the demo's superuser ("admin", as `load_demo` made it)."""
    client.login(request=login_request(), username="admin", password="comensha-demo")
    return client


@pytest.fixture
def english_admin_client(client, admin_user):
    """The test client, logged in as pytest-django's ``admin_user`` with Wagtail's admin in English.

    ``admin_user`` is the demo's "admin" when the demo is loaded (else pytest-django creates
    it); the messages asserted with this client are the English msgids.
    """
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    return client


# --- Roles: Wagtail's default groups, a translator of the English tree, a consent officer -----


def _member_of(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "password")
    user.groups.add(group)
    return user


@pytest.fixture
def editor_user(demo, django_user_model):
    """A member of Wagtail's default "Editors" group, and of nothing else."""
    from django.contrib.auth.models import Group

    return _member_of(django_user_model, "editor-role", Group.objects.get(name="Editors"))


@pytest.fixture
def moderator_user(demo, django_user_model):
    """A member of Wagtail's default "Moderators" group, and of nothing else."""
    from django.contrib.auth.models import Group

    return _member_of(django_user_model, "moderator-role", Group.objects.get(name="Moderators"))


@pytest.fixture
def translator_user(demo, django_user_model):
    """A translator who may add, edit and publish pages in the English tree only."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name="English translators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    english_home = demo.home.get_translation(Locale.objects.get(language_code="en"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=english_home, permission=Permission.objects.get(codename=codename)
        )
    return _member_of(django_user_model, "translator-en", group)


@pytest.fixture
def consent_officer(demo, django_user_model):
    """A member of the "Consent officers" group the app's data migration creates."""
    from django.contrib.auth.models import Group

    return _member_of(
        django_user_model, "consent-officer", Group.objects.get(name="Consent officers")
    )
