"""Settings of comensha_content.

Every setting has one prefix, ``COMENSHA_CONTENT_``, a documented default here and in
docs/settings.md, and is read at call time (``get_setting``) so ``override_settings`` and
per-site settings modules work without restarting or reloading this module.
"""

from django.conf import settings

#: Name (without prefix) -> (default, one-line description). docs/settings.md mirrors this.
DEFAULTS = {
    "WORDS_PER_MINUTE": (
        200,
        "Reading speed used to compute a story's reading time, in words per minute.",
    ),
    "PAGINATE_BY": (
        12,
        "Number of items per page in story listings, the Kompas finder and the tracker.",
    ),
    "IMAGE_RENDITIONS": (
        {"small": "width-480", "medium": "width-960", "large": "width-1600"},
        "Rendition specs (name -> Wagtail filter spec) served for images in HTML and the API.",
    ),
    "QUICK_EXIT_URL": (
        "https://www.wikipedia.org/",
        "Neutral site the quick-exit button leaves for, when no site setting overrides it.",
    ),
    "API_URL_NAMESPACE": (
        "wagtailapi",
        "URL namespace of the site's API v2 router, to find the API URLs to purge from a "
        "front-end cache.",
    ),
    "HEADLESS_PREVIEW_URL": (
        "",
        "Front-end URL an editor's headless preview posts its token to, with {id}, {revision}, "
        "{type} and {locale} filled in; empty: no headless preview (its endpoint is a 404).",
    ),
    "HEADLESS_PREVIEW_MAX_AGE": (
        120,
        "Seconds a headless preview token stays valid (at most 300).",
    ),
    "PAGE_CACHE_SECONDS": (
        86400,
        "Seconds a story's rendered article and an API v2 page detail stay in Django's cache "
        "(the revision cache, keyed on the live revision and content generation); 0 turns it "
        "off.",
    ),
    "SOURCE_FALLBACK_NOTICE": (
        True,
        "Show a notice on pages and links that fall back to the source language.",
    ),
    "PUBLIC_MEDIA_API": (
        False,
        "Let anonymous clients list images and documents in API v3 (only those used on public "
        "pages); False: the listings need an API token.",
    ),
    "SEARCH_MAX_LENGTH": (
        200,
        "Longest search text, in characters, that HTML search forms and the API's ?search= "
        "accept; longer text gives a notice (HTML) or a 400 (API).",
    ),
    "SEARCH_MAX_WORDS": (
        20,
        "Most words a search text may have (HTML search forms and the API's ?search=); more "
        "give a notice (HTML) or a 400 (API).",
    ),
    "PUBLIC_REDIRECTS_API": (
        False,
        "Let anonymous clients read redirects in API v3; False: they need an API token.",
    ),
    "API_MAX_AGE": (
        60,
        "Seconds a browser may keep an anonymous API answer (Cache-Control max-age).",
    ),
    "API_SHARED_MAX_AGE": (
        300,
        "Seconds a shared cache (CDN, proxy) may keep an anonymous API answer (s-maxage); "
        "purge on publish keeps it fresh.",
    ),
    "API_PATH_PREFIXES": (
        ("/api/",),
        "URL path prefixes of the API, whose answers get the API's Cache-Control, "
        "Content-Language and Vary (comensha_content.api.http_headers.APIHeadersMiddleware).",
    ),
    "WEBHOOK_MAX_ATTEMPTS": (
        6,
        "Attempts at delivering one webhook event to one endpoint before it is marked failed.",
    ),
    "WEBHOOK_RETRY_SECONDS": (
        30,
        "Seconds before the first retry of a failed webhook delivery; each next wait doubles.",
    ),
    "WEBHOOK_TIMEOUT": (
        5,
        "Seconds a webhook endpoint has to answer one delivery attempt.",
    ),
}


def get_setting(name):
    """Return ``COMENSHA_CONTENT_<name>`` from Django settings, or its documented default."""
    try:
        default, _description = DEFAULTS[name]
    except KeyError:
        raise KeyError(f"Unknown comensha_content setting: {name}") from None
    return getattr(settings, f"COMENSHA_CONTENT_{name}", default)
