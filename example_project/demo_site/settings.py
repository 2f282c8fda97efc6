"""Settings of the comensha-content example site.

It installs comensha_content exactly as README.md tells a site to. SQLite by default;
set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/comensha_content) for PostgreSQL.
DEBUG is off unless DJANGO_DEBUG=1 (`make demo` sets it). The secret key is DJANGO_SECRET_KEY,
else a random key made for this checkout in example_project/.secret_key (git-ignored).
Login throttling (django-axes) and two-factor authentication (django-otp) are the example's,
not the package's: see docs/deployment.md.
"""

import os
from pathlib import Path

import dj_database_url
import wagtail
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy

from .secret_key import development_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or development_secret_key(BASE_DIR / ".secret_key")
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

WAGTAIL_8 = wagtail.VERSION >= (8, 0)

INSTALLED_APPS = [
    "home",
    # comensha_content comes before wagtail.snippets, wagtail.images and the locales app.
    "comensha_content",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: install only one of the two
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Login throttling and two-factor authentication of the admin (docs/deployment.md).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "corsheaders",  # CORS for headless front ends on the API (below)
]
if WAGTAIL_8:
    INSTALLED_APPS += ["wagtail.api.v3", "ninja"]

# Background tasks (django-tasks, which Wagtail uses for search indexing, and the package for
# webhooks): queued in the database, run by `manage.py db_worker` (docs/deployment.md).
# DJANGO_TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend runs them in-process.
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

MIDDLEWARE = [
    # API answers: CORS for the front ends below, then Cache-Control, Content-Language and
    # Vary (above LocaleMiddleware, so it has the last word; docs/api.md).
    "corsheaders.middleware.CorsMiddleware",
    "comensha_content.api.http_headers.APIHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "demo_site.two_factor.ConsentTwoFactorMiddleware",
    "comensha_content.core.middleware.PrivateWhenAuthenticatedMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into its answer
]

ROOT_URLCONF = "demo_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "demo_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a login while the user name is locked out from that address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = ["password", "token", "otp_token"]
# Behind a proxy, set AXES_IPWARE_META_PRECEDENCE_ORDER (docs/deployment.md).

# Two-factor authentication (django-otp, TOTP) of the admin for superusers and for whoever may
# see consent records (demo_site.two_factor). Off only when asked for, or in DEBUG (`make demo`).
TWO_FACTOR_REQUIRED = os.environ.get("DJANGO_2FA_REQUIRED", "0" if DEBUG else "1") == "1"
OTP_TOTP_ISSUER = "CoMensha content (example)"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

# Internationalisation: Dutch is the source language at /, English is served under /en/.
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
]
# The content languages' names in the admin's own language ("Nederlands → Engels" in the Dutch
# admin, "Dutch → English" in the English one): wagtail-localize shows these names in its
# editor, buttons and reports. Django's catalogs translate them. (LANGUAGES keeps each
# language's own name, as a language chooser should.)
WAGTAIL_CONTENT_LANGUAGES = [
    ("nl", gettext_lazy("Dutch")),
    ("en", gettext_lazy("English")),
]
WAGTAIL_I18N_ENABLED = True
# "Translate this page" must not publish an English page full of Dutch text.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Machine translation (docs/translation.md) ---
# DeepL fills a translation's untranslated texts when DEEPL_API_KEY is set (a key ending in
# ":fx" uses DeepL's free API); without a key the translation editor offers no machine
# translation. DeepL receives the page's texts: use an account whose terms fit the content.
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": os.environ["DEEPL_API_KEY"],
            "TIMEOUT": int(os.environ.get("DEEPL_TIMEOUT", "30")),
        },
    }
# --- end machine translation ---

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "CoMensha content (example)"
# No third-party requests from the admin either: Gravatar would learn a hash of every editor's
# e-mail address (and when they use the admin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Uploads that cannot be re-encoded without metadata get a form error (docs/media.md).
WAGTAILIMAGES_IMAGE_FORM_BASE = "comensha_content.safety.media_forms.MetadataFreeImageForm"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "csv", "xlsx"]
# Embeds load only when the reader chooses; never a third-party request by default.
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin would otherwise ask releases.wagtail.org for new versions: no third-party requests.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Content-Security-Policy (django-csp): the site loads nothing from another host. Media embeds
# load in a frame from the two video hosts only after the reader clicks (blocks.media). The
# admin is left to Wagtail, which needs inline scripts and styles.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # NONCE: the theme's brand colour (comensha_theme's style element).
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}

# Seconds a story's article and an API v2 detail stay in the revision cache (the app's default,
# a day, unless the environment says; 0: off); see docs/performance.md.
if os.environ.get("COMENSHA_CONTENT_PAGE_CACHE_SECONDS"):
    COMENSHA_CONTENT_PAGE_CACHE_SECONDS = int(os.environ["COMENSHA_CONTENT_PAGE_CACHE_SECONDS"])

# CORS (django-cors-headers) for headless front ends: the origins allowed to read the API from a
# browser, comma-separated in COMENSHA_CORS_ALLOWED_ORIGINS (e.g. https://www.example.org);
# none by default. Only the API's paths, reads and a preview's token header (docs/api.md).
CORS_ALLOWED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("COMENSHA_CORS_ALLOWED_ORIGINS", "").split(",")
    if origin.strip()
]
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
