"""System checks that turn a misconfigured site into a clear message at startup.

The app needs Wagtail's i18n with one content language per locale, wagtail-localize, and to be
listed before the Wagtail apps whose API/schema registrations it extends.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

APP_NAME = "comensha_content"

#: Apps this app must precede in INSTALLED_APPS: its AppConfig.ready() registers block schemas
#: and API serialisers that these apps read when they become ready.
MUST_PRECEDE = (
    "wagtail.snippets",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.contrib.redirects",
    "wagtail.locales",
    "wagtail_localize.locales",
)

LOCALES_APPS = ("wagtail.locales", "wagtail_localize.locales")


def _app_index(installed_apps, name):
    """Index of ``name`` in INSTALLED_APPS, matching dotted AppConfig paths too."""
    for index, entry in enumerate(installed_apps):
        if entry == name or entry.startswith(name + ".apps."):
            return index
    return None


@register(Tags.compatibility)
def check_installed_apps(app_configs, **kwargs):
    return installed_apps_problems(list(settings.INSTALLED_APPS))


def installed_apps_problems(installed):
    """The INSTALLED_APPS problems of ``installed`` (a list of app entries)."""
    errors = []
    own_index = _app_index(installed, APP_NAME)
    if own_index is None:
        return errors
    for other in MUST_PRECEDE:
        other_index = _app_index(installed, other)
        if other_index is not None and other_index < own_index:
            errors.append(
                Error(
                    f"'{APP_NAME}' is listed after '{other}' in INSTALLED_APPS.",
                    hint=f"Move '{APP_NAME}' above '{other}' so its block schemas and API "
                    "serialisers are registered before that app reads them.",
                    id="comensha_content.E001",
                )
            )
    if _app_index(installed, "wagtail_localize") is None:
        errors.append(
            Error(
                "wagtail-localize is not installed.",
                hint="Add 'wagtail_localize' and 'wagtail_localize.locales' to INSTALLED_APPS; "
                "comensha_content's translations are made with it.",
                id="comensha_content.E002",
            )
        )
    if _app_index(installed, "wagtail.contrib.settings") is None:
        errors.append(
            Error(
                "'wagtail.contrib.settings' is not installed.",
                hint="Add 'wagtail.contrib.settings' to INSTALLED_APPS; the quick-exit button "
                "and the browse-safely page are a site setting.",
                id="comensha_content.E004",
            )
        )
    locales_apps = [app for app in LOCALES_APPS if _app_index(installed, app) is not None]
    if len(locales_apps) > 1:
        errors.append(
            Error(
                "Both 'wagtail.locales' and 'wagtail_localize.locales' are installed.",
                hint="They share the app label 'wagtaillocales'; keep only "
                "'wagtail_localize.locales'.",
                id="comensha_content.E003",
            )
        )
    elif not locales_apps:
        errors.append(
            Warning(
                "No locale management app is installed.",
                hint="Add 'wagtail_localize.locales' so editors can manage locales in the admin.",
                id="comensha_content.W001",
            )
        )
    return errors


@register(Tags.compatibility)
def check_i18n_settings(app_configs, **kwargs):
    errors = []
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        errors.append(
            Error(
                "WAGTAIL_I18N_ENABLED is not True.",
                hint="Set WAGTAIL_I18N_ENABLED = True; comensha_content pages are translatable.",
                id="comensha_content.E010",
            )
        )
    if not getattr(settings, "USE_I18N", True):
        errors.append(
            Error(
                "USE_I18N is False.",
                hint="Set USE_I18N = True so interface strings and content are served per language.",
                id="comensha_content.E011",
            )
        )
    content_languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None)
    if not content_languages:
        errors.append(
            Error(
                "WAGTAIL_CONTENT_LANGUAGES is not set.",
                hint="List the content languages, e.g. [('nl', 'Nederlands'), ('en', 'English')]; "
                "each needs a Locale.",
                id="comensha_content.E012",
            )
        )
    elif len(content_languages) < 2:
        errors.append(
            Warning(
                "WAGTAIL_CONTENT_LANGUAGES has a single language.",
                hint="Add the language(s) you translate into; nothing can be translated now.",
                id="comensha_content.W010",
            )
        )
    return errors


@register(Tags.database)
def check_locales_exist(app_configs, databases=None, **kwargs):
    """Every content language needs a Locale row (run with ``manage.py check --database``)."""
    if not databases:
        return []
    from django.db import DatabaseError
    from wagtail.models import Locale

    codes = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])]
    try:
        existing = set(Locale.objects.values_list("language_code", flat=True))
    except DatabaseError:
        return []  # not migrated yet: migrate's own checks report that
    missing = [code for code in codes if code not in existing]
    if not missing:
        return []
    return [
        Error(
            f"No Locale exists for content language(s): {', '.join(missing)}.",
            hint="Run `manage.py comensha_create_locales`, or add them under "
            "Settings > Locales in the admin.",
            id="comensha_content.E020",
        )
    ]


@register(Tags.security)
def check_headless_preview_settings(app_configs, **kwargs):
    """The preview token never goes into an address and never lives long."""
    problems = []
    url = getattr(settings, "COMENSHA_CONTENT_HEADLESS_PREVIEW_URL", "")
    if "{token}" in (url or ""):
        problems.append(
            Error(
                "COMENSHA_CONTENT_HEADLESS_PREVIEW_URL contains {token}.",
                hint="Remove it: the admin posts the token to the front end (a form field "
                "named token), so it never appears in an address, a history or a log.",
                id="comensha_content.E030",
            )
        )
    max_age = getattr(settings, "COMENSHA_CONTENT_HEADLESS_PREVIEW_MAX_AGE", 120)
    if max_age > 300:
        problems.append(
            Warning(
                f"COMENSHA_CONTENT_HEADLESS_PREVIEW_MAX_AGE is {max_age}; tokens expire after "
                "300 seconds anyway.",
                hint="Set it to 300 seconds or less.",
                id="comensha_content.W030",
            )
        )
    return problems


API_HEADERS_MIDDLEWARE = "comensha_content.api.http_headers.APIHeadersMiddleware"
LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"


@register(Tags.compatibility)
def check_api_headers_middleware(app_configs, **kwargs):
    """Below LocaleMiddleware, the API's Content-Language and Vary would be overwritten."""
    middleware = list(getattr(settings, "MIDDLEWARE", []))
    if API_HEADERS_MIDDLEWARE not in middleware or LOCALE_MIDDLEWARE not in middleware:
        return []
    if middleware.index(API_HEADERS_MIDDLEWARE) < middleware.index(LOCALE_MIDDLEWARE):
        return []
    return [
        Warning(
            f"{API_HEADERS_MIDDLEWARE} is listed below {LOCALE_MIDDLEWARE}.",
            hint="Move it above LocaleMiddleware in MIDDLEWARE: LocaleMiddleware would "
            "otherwise set Content-Language and Vary: Accept-Language on API answers after it.",
            id="comensha_content.W041",
        )
    ]
