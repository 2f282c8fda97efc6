"""Production settings of the example site: secrets and hosts from the environment, HTTPS only.

    DJANGO_SETTINGS_MODULE=demo_site.settings_production
    DJANGO_SECRET_KEY=...  DJANGO_ALLOWED_HOSTS=www.example.org  DATABASE_URL=postgres://...

Refuses to start without DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (also `manage.py check
--deploy`), before reading the development settings: production never makes or reads the
development key file. Two-factor authentication is always on (docs/deployment.md).
`manage.py check --deploy` is clean with these settings (tests/robustness/test_deploy.py).
"""

import os

from django.core.exceptions import ImproperlyConfigured


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set {name} in the environment for production.")
    return value


_PRODUCTION_KEY = required_env("DJANGO_SECRET_KEY")

from .settings import *  # noqa: E402, F403

DEBUG = False
SECRET_KEY = _PRODUCTION_KEY
TWO_FACTOR_REQUIRED = True
ALLOWED_HOSTS = [host.strip() for host in required_env("DJANGO_ALLOWED_HOSTS").split(",")]
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"]
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
)

# HTTPS everywhere; behind a proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"  # a story's address never leaves the site
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# --- Cache: Redis, shared by every process (Django's built-in RedisCache) ----------------------
# The revision cache (COMENSHA_CONTENT_PAGE_CACHE_SECONDS), the API's content generation (ETags) and
# the consent sweep's next day live here; docs/performance.md. REDIS_URL="" keeps Django's
# per-process local-memory cache (one process only).
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "comensha"),
        }
    }
