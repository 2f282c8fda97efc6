"""Test settings: the example site's settings, made fast and isolated.

DATABASE_URL selects PostgreSQL exactly as for the example site; the default is SQLite.
"""

import tempfile

from demo_site.settings import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="comensha-test-media-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
# The admin's second factor is tested on its own (tests/core/test_deployment.py); the other
# tests sign in with a password only, as in `make demo`.
TWO_FACTOR_REQUIRED = False
# Tasks (search indexing, webhooks) run in the test's process; the webhook tests switch to the
# database backend where they exercise the worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# wagtail-localize's dummy machine translator (reverses the words): the translation editor's
# machine-translation path without calling DeepL (tests/i18n/test_machine_translation.py).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
}
