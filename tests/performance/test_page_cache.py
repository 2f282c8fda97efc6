"""COMENSHA_CONTENT_PAGE_CACHE_SECONDS: a story's article from Django's cache, renewed on publish.

Off by default: every request renders. On, the rendered article is reused until the story is
published again (Wagtail's page cache key changes) or the time runs out; previews never are.
Every test runs twice: with a local-memory cache and with the real Redis server
(``cache_backend`` in conftest.py; in CI a missing Redis fails the run).
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.synthetic import make_longread
from comensha_content.models import Helpline
from tests.helpers import article_of, record_consent


@pytest.fixture
def story(site_root, cache_backend):
    story = make_longread(site_root, 20)
    record_consent(story)
    return story


def rename_helplines(new_name):
    """Edit the snippets a story shows without touching the story itself."""
    Helpline.objects.update(name=new_name)


def test_without_the_setting_every_request_renders_the_latest_content(client, story):
    assert "Helpline 0" in client.get(story.url).content.decode()
    rename_helplines("Renamed helpline")
    html = client.get(story.url).content.decode()
    assert "Renamed helpline" in html and "Helpline 0" not in html


def test_without_the_setting_the_article_never_touches_the_cache(
    client, story, monkeypatch, settings
):
    """Django's cache tag would read and write the cache even at 0 s (two Redis round trips)."""
    from django.core.cache.backends.base import BaseCache

    fragment_calls = []
    for name in ("get", "set", "add"):
        original = getattr(type(caches["default"]), name)

        def spy(self, key, *args, _original=original, _name=name, **kwargs):
            if str(key).startswith("template.cache.") and "cc-story" in str(key):
                fragment_calls.append((_name, key))
            return _original(self, key, *args, **kwargs)

        monkeypatch.setattr(type(caches["default"]), name, spy)
    assert isinstance(caches["default"], BaseCache)
    assert "Helpline 0" in client.get(story.url).content.decode()
    assert fragment_calls == []
    settings.COMENSHA_CONTENT_PAGE_CACHE_SECONDS = 300  # the spy sees the cache when it is on
    client.get(story.url)
    assert [name for name, _key in fragment_calls][:2] == ["get", "set"]


def test_a_cached_article_is_served_until_the_story_is_published_again(client, story, settings):
    settings.COMENSHA_CONTENT_PAGE_CACHE_SECONDS = 300
    with CaptureQueriesContext(connection) as rendering:
        first = client.get(story.url).content.decode()
    assert "Helpline 0" in first
    rename_helplines("Renamed helpline")
    with CaptureQueriesContext(connection) as from_cache:
        cached = client.get(story.url).content.decode()
    # The cached article (the body's blocks were not even loaded); the footer outside it is
    # always current, so it shows the new helpline names at once.
    assert article_of(cached) == article_of(first)
    assert "Renamed helpline" in cached.split("</article>", 1)[1]
    assert len(from_cache) < len(rendering) - 5

    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "Renamed helpline" in article_of(html) and "Helpline 0" not in html


def test_a_preview_is_never_served_from_the_cache(client, story, settings):
    settings.COMENSHA_CONTENT_PAGE_CACHE_SECONDS = 300
    client.get(story.url)  # fills the cache
    story.lede = "A lede only the draft has."
    draft = story.save_revision().as_object()
    response = draft.make_preview_request()  # as the admin's preview panel does
    assert response.status_code == 200
    assert "A lede only the draft has." in response.content.decode()
    assert "A lede only the draft has." not in client.get(story.url).content.decode()
