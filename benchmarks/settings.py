"""Settings of the benchmarks: the example site plus the baseline page app.

The baseline app has no committed migration: ``run.py`` writes one with ``makemigrations`` into
a temporary package (MIGRATION_MODULES) before it creates the database. (An app without
migrations cannot have a model inheriting from Wagtail's Page.)

The database is a throwaway test database that ``run.py`` creates and destroys (SQLite in
memory, or ``test_<name>`` next to the database DATABASE_URL names). DEBUG is off, as in
production; the cache is a local-memory cache, as a small site without Redis would have, or the
Redis server REDIS_URL names (the load test). BENCH_MEDIA_ROOT keeps media where several
processes find them (the load test's gunicorn workers).
"""

import os
import sys
import tempfile
from pathlib import Path

import dj_database_url

from demo_site.settings import *  # noqa: F403
from demo_site.settings import INSTALLED_APPS

_TEMP = Path(tempfile.mkdtemp(prefix="comensha-bench-"))
_MIGRATIONS = _TEMP / "bench_baseline_migrations"
_MIGRATIONS.mkdir()
(_MIGRATIONS / "__init__.py").touch()
sys.path.insert(0, str(_TEMP))

DEBUG = False
INSTALLED_APPS = ["benchmarks.baseline", *INSTALLED_APPS]
MIGRATION_MODULES = {"baseline": "bench_baseline_migrations"}
MEDIA_ROOT = os.environ.get("BENCH_MEDIA_ROOT") or str(_TEMP / "media")
# Never the example site's own SQLite file: a throwaway one (the test database is in memory).
DATABASES = {
    "default": dj_database_url.config(default=f"sqlite:///{_TEMP / 'bench.sqlite3'}")
    if os.environ.get("DATABASE_URL")
    else dj_database_url.parse(f"sqlite:///{_TEMP / 'bench.sqlite3'}")
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The load test (benchmarks/loadtest.sh) shares one Redis between gunicorn's workers.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "comensha-bench",
        }
    }
ALLOWED_HOSTS = ["*"]
WAGTAILAPI_BASE_URL = "http://testserver"
