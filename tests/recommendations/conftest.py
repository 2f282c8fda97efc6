"""Fixtures of the recommendation tests; ``site_context`` (the home pages) is in tests/conftest.py."""

import pytest


@pytest.fixture
def tracker_nl(site_context, settings, django_capture_on_commit_callbacks):
    """The demo tracker in Dutch only (fast): tracker, reports, terms and recommendations."""
    from home.demo import recommendations as demo

    settings.COMENSHA_CONTENT_PAGINATE_BY = 50
    with django_capture_on_commit_callbacks(execute=True):  # search indexing runs on commit
        tracker, reports = demo.load_tracker(site_context)
        themes, organisations = demo.load_terms(site_context)
        demo.load_recommendations(site_context, reports, themes, organisations)
    site_context.reports = reports
    return tracker


@pytest.fixture
def tracker_bilingual(site_context, settings, django_capture_on_commit_callbacks):
    """The full demo loader: Dutch content and its English translation through wagtail-localize."""
    from home.demo import recommendations as demo

    settings.COMENSHA_CONTENT_PAGINATE_BY = 50
    with django_capture_on_commit_callbacks(execute=True):
        tracker = demo.load(site_context)
    return tracker
