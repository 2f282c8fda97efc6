import io

import pytest
from wagtail.models import Locale


@pytest.fixture
def locales(db):
    """The source locale (created by Wagtail's migration from LANGUAGE_CODE) and English."""
    nl = Locale.objects.get(language_code="nl")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"nl": nl, "en": en}


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    """The example site's demo content, loaded exactly as `manage.py load_demo` does.

    wagtail-localize publishes translations on commit; the test transaction never commits, so the
    callbacks are run here as a real commit would.
    """
    from home.demo import load_demo

    with django_capture_on_commit_callbacks(execute=True):
        return load_demo(io.StringIO(), "admin", "comensha-demo")


@pytest.fixture
def home(demo):
    return demo.home
