"""Fixtures of the performance tests (query counts, page cache, Redis)."""

import os
import uuid

import pytest
from wagtail.models import Site

#: The Redis server the cache tests use (db 5 unless told otherwise).
REDIS_URL = os.environ.get("COMENSHA_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


@pytest.fixture
def site_root(request, db):
    """The default site's root page; the demo content (when loaded) stays: nothing here clashes."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:  # without migrations: the block tests' Dutch site
        return request.getfixturevalue("site_home")
    return site.root_page.specific


def redis_reachable():
    try:
        import redis
    except ImportError:
        return False
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def clear_cache():
    """Empty Django's default cache; on Redis only this test's keys (other workers share the db)."""
    from django.core.cache import cache

    prefix = cache.key_prefix
    if prefix.startswith("comensha-test-"):
        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(f"{prefix}*"))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings):
    """Django's cache: local memory, then the real Redis server (Django's own RedisCache).

    Skipped when Redis cannot be reached, except in CI (``CI=true``), where that fails.
    """
    if request.param == "redis":
        if not redis_reachable():
            message = f"Redis is not reachable at {REDIS_URL}"
            if os.environ.get("CI") == "true":
                pytest.fail(message + " (CI=true: the Redis tests must run)")
            pytest.skip(message)
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": f"comensha-test-{uuid.uuid4().hex[:8]}",
            }
        }
    clear_cache()
    yield request.param
    clear_cache()
