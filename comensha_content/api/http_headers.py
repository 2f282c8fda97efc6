"""HTTP headers of API answers: Cache-Control, Content-Language, Vary; HEAD; error language.

A CDN in front of the API may keep an anonymous read for a while and must never keep a token's,
a signed-in editor's or a preview's answer. ``APIHeadersMiddleware`` (list it above Django's
``LocaleMiddleware``, so it sees the answer last) does this for every path under
``COMENSHA_CONTENT_API_PATH_PREFIXES``:

- ``Cache-Control``: ``public, max-age=<API_MAX_AGE>, s-maxage=<API_SHARED_MAX_AGE>`` for an
  anonymous GET or HEAD without a session; ``private, no-store`` for a request with an
  ``Authorization`` header or a session cookie, for other methods and for server errors. A view that set Cache-Control
  itself (the headless preview: ``private, no-store``) keeps it.
- ``Content-Language``: the served locale, read from the body's ``meta.locale`` (a detail) or its
  items' (a listing in one language); a listing in several languages gets none. Django's
  LocaleMiddleware would otherwise say the site's default language on every answer.
- ``Vary: Accept-Language`` only where the body depends on it: an error message of API v2 is
  written in the request's language (``RequestLanguageMixin``), a page is always in its own.

``answer_head_like_get`` lets API v3 (django-ninja routes GET only) answer HEAD with the GET
answer's headers and no body.
"""

import json
from functools import wraps

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from comensha_content.core.conf import get_setting
from comensha_content.core.middleware import PRIVATE, is_authenticated_request

#: Attribute a view sets on its response: the language its (error) messages are written in.
MESSAGE_LANGUAGE_ATTRIBUTE = "comensha_message_language"
#: Attribute ``answer_head_like_get`` sets: the body's languages, read before it was dropped.
BODY_LANGUAGES_ATTRIBUTE = "comensha_body_languages"
READ_METHODS = ("GET", "HEAD")


def is_api_request(request):
    return any(request.path_info.startswith(prefix) for prefix in api_path_prefixes())


def api_path_prefixes():
    return tuple(get_setting("API_PATH_PREFIXES"))


def public_cache_control():
    max_age = int(get_setting("API_MAX_AGE"))
    shared = int(get_setting("API_SHARED_MAX_AGE"))
    return f"public, max-age={max_age}, s-maxage={shared}"


def cache_control_for(request, response):
    """The Cache-Control an API answer gets (see the module docstring)."""
    if request.method not in READ_METHODS or response.status_code >= 500:
        return PRIVATE
    if is_authenticated_request(request) or settings.SESSION_COOKIE_NAME in request.COOKIES:
        # A session can open password- or group-restricted pages in API v2 (Vary: Cookie):
        # what is read with one is never stored for others.
        return PRIVATE
    return public_cache_control()


def _locale_of(item):
    meta = item.get("meta") if isinstance(item, dict) else None
    locale = meta.get("locale") if isinstance(meta, dict) else None
    return locale if isinstance(locale, str) else None


def body_languages(response):
    """The set of locales a JSON answer's body is written in (empty when it does not say)."""
    if response.streaming or "json" not in response.get("Content-Type", ""):
        return set()
    try:
        data = json.loads(response.content)
    except ValueError:
        return set()
    if not isinstance(data, dict):
        return set()
    own = _locale_of(data)
    if own:
        return {own}
    items = data.get("items")
    if isinstance(items, list):
        return {_locale_of(item) for item in items} - {None}
    return set()


def drop_vary(response, header):
    if not response.has_header("Vary"):
        return
    kept = [
        value.strip()
        for value in response["Vary"].split(",")
        if value.strip() and value.strip().lower() != header.lower()
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def set_content_language(request, response):
    message_language = getattr(response, MESSAGE_LANGUAGE_ATTRIBUTE, None)
    if response.status_code >= 400 and message_language:
        response["Content-Language"] = message_language
        patch_vary_headers(response, ("Accept-Language",))
        return
    drop_vary(response, "Accept-Language")
    languages = set()
    if 200 <= response.status_code < 300:
        languages = getattr(response, BODY_LANGUAGES_ATTRIBUTE, None) or body_languages(response)
    if len(languages) == 1:
        response["Content-Language"] = languages.pop()
    elif response.has_header("Content-Language"):
        del response["Content-Language"]


class APIHeadersMiddleware:
    """Cache-Control, Content-Language and Vary of API answers (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_api_request(request):
            return response
        if not response.has_header("Cache-Control") or is_authenticated_request(request):
            response["Cache-Control"] = cache_control_for(request, response)
            if response["Cache-Control"] == PRIVATE and response.has_header("Expires"):
                del response["Expires"]
        set_content_language(request, response)
        return response


def request_language(request):
    """The language of the request's ``Accept-Language`` (else the site's default).

    Read without the path (API URLs carry no language prefix) and without Django's language
    cookie, so an answer varies on ``Accept-Language`` alone.
    """
    headers_only = type("HeadersOnly", (), {})()
    headers_only.META = request.META
    headers_only.COOKIES = {}
    headers_only.path_info = "/"
    return translation.get_language_from_request(headers_only, check_path=False)


class RequestLanguageMixin:
    """API v2 viewset mixin: messages (errors) in the request's language, and saying so.

    Django's LocaleMiddleware activates the default language for every URL outside
    ``i18n_patterns``, so without this an English client gets Dutch errors. A page's body is
    still serialised in the page's own language (``LocalizedPageSerializer``).
    """

    def dispatch(self, request, *args, **kwargs):
        language = request_language(request)
        with translation.override(language):
            response = super().dispatch(request, *args, **kwargs)
        setattr(response, MESSAGE_LANGUAGE_ATTRIBUTE, language)
        return response


def answer_head_like_get(view):
    """Wrap a view that routes GET only: HEAD gets the GET answer's status and headers, no body."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "HEAD":
            return view(request, *args, **kwargs)
        request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"
        if not response.streaming:
            setattr(response, BODY_LANGUAGES_ATTRIBUTE, body_languages(response))
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    return wrapper
