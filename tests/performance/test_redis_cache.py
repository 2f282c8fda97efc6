"""Django's cache on the real Redis server: what the site keeps there is really there, shared.

A site with several processes (gunicorn workers, hosts) shares one Redis: a story's article in
the revision cache (``core/revision_cache.py``) and the content generation in the API's ETags (``core/content_generation.py``) written
by one process are read by the others. Runs against Redis only (``cache_backend``); skipped
when Redis is unreachable, except under ``CI=true``, where that fails.
"""

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from benchmarks.synthetic import make_longread
from comensha_content.core.content_generation import CACHE_KEY, content_generation
from comensha_content.models import Helpline
from tests.helpers import article_of, record_consent


@pytest.fixture
def redis_cache(cache_backend, settings):
    if cache_backend != "redis":
        pytest.skip("Redis only")
    assert isinstance(caches["default"], RedisCache)
    return settings.CACHES["default"]


def other_process_cache(config):
    """A second, independent connection to the same Redis, as another worker would have."""
    return RedisCache(config["LOCATION"], {"KEY_PREFIX": config["KEY_PREFIX"]})


def stored_keys(config):
    client = other_process_cache(config)._cache.get_client()
    return [key.decode() for key in client.scan_iter(f"{config['KEY_PREFIX']}*")]


@pytest.mark.parametrize("cache_backend", ["redis"], indirect=True)
def test_a_cached_story_article_is_stored_in_redis_and_served_from_it(
    client, site_root, redis_cache, settings
):
    settings.COMENSHA_CONTENT_PAGE_CACHE_SECONDS = 300
    story = make_longread(site_root, 20)
    record_consent(story)
    first = client.get(story.url).content.decode()
    assert any("comensha_content:revision:" in key for key in stored_keys(redis_cache)), (
        stored_keys(redis_cache)
    )
    Helpline.objects.update(name="Renamed helpline")
    cached = client.get(story.url).content.decode()
    assert article_of(cached) == article_of(first)  # from Redis (the footer is always current)
    assert "Renamed helpline" not in article_of(cached)


@pytest.mark.parametrize("cache_backend", ["redis"], indirect=True)
def test_an_etag_changes_for_every_process_when_one_process_changes_content(
    client, site_root, redis_cache
):
    story = make_longread(site_root, 10)
    record_consent(story)
    url = f"/api/v2/pages/{story.pk}/"
    etag = client.get(url)["ETag"]
    assert other_process_cache(redis_cache).get(CACHE_KEY) == content_generation()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    # Another worker saves a helpline the story shows: it renews the generation in Redis.
    other_process_cache(redis_cache).set(CACHE_KEY, "renewed by another worker", None)
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize("cache_backend", ["redis"], indirect=True)
def test_the_example_production_settings_cache_in_redis(redis_cache):
    """The example's production settings put Django's cache in Redis (REDIS_URL), and it works."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="demo_site.settings_production",
        DJANGO_SECRET_KEY="x7#kq!p9Lm2vZr8TgY4wQs6NcB3hJdF5aE1uKo0iXyW-cache-check-only",
        DJANGO_ALLOWED_HOSTS="www.example.org",
        PYTHONPATH=f"{root}{os.pathsep}{root / 'example_project'}",
        REDIS_URL=redis_cache["LOCATION"],
        CACHE_KEY_PREFIX=redis_cache["KEY_PREFIX"],
    )
    script = (
        "import django; django.setup(); from django.core.cache import cache; "
        "cache.set('written-by-production', 'yes', 60); print(type(cache._cache).__module__)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root / "example_project",
    )
    assert result.returncode == 0, result.stderr
    assert "redis" in result.stdout
    assert other_process_cache(redis_cache).get("written-by-production") == "yes"
