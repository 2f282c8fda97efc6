"""Publishing purges the API's URLs through Wagtail's front-end cache, when one is configured.

A recording backend stands in for the CDN: it is a real ``frontend_cache`` backend, configured in
``WAGTAILFRONTENDCACHE``, so the URLs go through Wagtail's own purge path.
"""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from comensha_content.api import purge, v3
from comensha_content.models import LongreadPage
from comensha_content.recommendations.models import PolicyReportPage, Recommendation

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


class RecordingBackend(BaseBackend):
    """A front-end cache that records what it is asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend


def test_publishing_a_page_purges_its_api_urls_after_commit(
    demo, cdn, django_capture_on_commit_callbacks
):
    page = LongreadPage.objects.live().filter(locale__language_code="en").first()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.save_revision().publish()
    assert not any("/api/" in url for url in cdn.purged), "purged before the commit"
    for callback in callbacks:
        callback()
    expected = {f"{BASE}/api/v2/pages/{page.pk}/", f"{BASE}/api/v2/pages/"}
    if v3.is_available():  # the example mounts API v3 on Wagtail 8
        expected |= {f"{BASE}/api/v3/pages/{page.pk}/", f"{BASE}/api/v3/pages/"}
    assert {url for url in cdn.purged if "/api/" in url} == expected


def test_unpublishing_purges_too(demo, cdn, django_capture_on_commit_callbacks):
    page = LongreadPage.objects.live().filter(locale__language_code="nl").first()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert f"{BASE}/api/v2/pages/{page.pk}/" in cdn.purged


def test_publishing_a_report_purges_its_recommendations(
    demo, cdn, django_capture_on_commit_callbacks
):
    report = PolicyReportPage.objects.live().filter(recommendations__isnull=False).first()
    with django_capture_on_commit_callbacks(execute=True):
        report.save_revision().publish()
    expected = {
        f"{BASE}/api/v2/recommendations/{pk}/"
        for pk in Recommendation.objects.filter(report=report).values_list("pk", flat=True)
    }
    assert expected and expected <= set(cdn.purged)
    assert f"{BASE}/api/v2/recommendations/" in cdn.purged
    assert f"{BASE}/api/v2/pages/{report.pk}/" in cdn.purged


def test_saving_and_deleting_a_recommendation_purges_it(
    demo, cdn, django_capture_on_commit_callbacks
):
    recommendation = Recommendation.objects.public().first()
    pk = recommendation.pk
    with django_capture_on_commit_callbacks(execute=True):
        recommendation.title = "Changed"
        recommendation.save()
    assert cdn.purged == [
        f"{BASE}/api/v2/recommendations/",
        f"{BASE}/api/v2/recommendations/{pk}/",
    ]
    cdn.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        recommendation.delete()
    assert f"{BASE}/api/v2/recommendations/{pk}/" in cdn.purged


def test_nothing_is_purged_without_a_front_end_cache(
    demo, settings, django_capture_on_commit_callbacks
):
    assert not hasattr(settings, "WAGTAILFRONTENDCACHE")
    RecordingBackend.purged = []
    page = LongreadPage.objects.live().first()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page.save_revision().publish()
        Recommendation.objects.public().first().save()
    assert RecordingBackend.purged == []
    assert not any(getattr(cb, "__module__", "") == purge.__name__ for cb in callbacks)
