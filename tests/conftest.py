import io

import pytest
from wagtail.models import Locale

pytest_plugins = ["tests.block_fixtures"]


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
