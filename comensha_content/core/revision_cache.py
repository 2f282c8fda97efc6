"""The revision cache: a story's rendered article and API v2 details, kept per live revision.

Rendering a story's article (its blocks, contents, reading time, related stories) is most of
what a story costs; an API v2 detail's serialisation likewise. Both are kept in Django's cache
under a key made of the page's state, read in one query (``core.page_state``, the same state
and digest the API's ETags are made of): the live revision, publication time, locale, the
site's content generation and the audit-log marks, plus the variant (host, scheme, served
language; for the API: its ETag's variant). So every change that renews an ETag also renews
the key, and an entry is never invalidated, only no longer asked for; it expires after
``COMENSHA_CONTENT_PAGE_CACHE_SECONDS`` (0 turns the cache off). API details are kept for page
types that opt in with ``revision_cached = True`` (the story); the article where a template
says ``{% revision_cache %}``.

Only anonymous public reads share entries: never a preview, a request with an ``Authorization``
header or a session cookie (signed-in editors, readers of a password-protected page), a
signed-in user, or a page under a view restriction. A story's consent is checked by its
``serve()`` before the template (and so the cache) is reached.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from comensha_content import __version__
from comensha_content.core.conf import get_setting
from comensha_content.core.page_state import page_state, state_digest

KEY_PREFIX = "comensha_content:revision:"


def cache_seconds():
    """How long an entry is kept (0: the revision cache is off)."""
    return get_setting("PAGE_CACHE_SECONDS") or 0


def is_shared_request(request):
    """Whether ``request`` is an anonymous public read whose answer every such reader gets."""
    if request is None or getattr(request, "is_preview", False):
        return False
    if "HTTP_AUTHORIZATION" in request.META or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    user = getattr(request, "user", None)  # without a session cookie: no query
    return not (user is not None and user.is_authenticated)


def is_revision_cached(content_type_id):
    """Whether pages of this content type opt in (``revision_cached = True`` on the model)."""
    from django.contrib.contenttypes.models import ContentType

    if content_type_id is None:
        return False
    model = ContentType.objects.get_for_id(content_type_id).model_class()  # cached by Django
    return bool(getattr(model, "revision_cached", False))


def article_key(request, page, name):
    """The cache key of ``page``'s fragment ``name`` as ``request`` sees it, or None (render).

    None when the cache is off, the request is not shared, or the page is not live, expired,
    under a view restriction or not the live revision (one query decides).
    """
    if not cache_seconds() or not is_shared_request(request):
        return None
    state = page_state(page.pk)
    if (
        state is None
        or state["restricted"]
        or state["marks"]["revision"] != getattr(page, "live_revision_id", None)
    ):
        return None
    variant = {
        "fragment": name,
        "release": __version__,  # a new release's templates never reuse an older entry
        "host": request.get_host(),
        "scheme": request.scheme,
        "language": translation.get_language(),
    }
    digest = state_digest(
        version="html", label="wagtailcore.Page", pk=page.pk, marks=state["marks"], variant=variant
    )
    return f"{KEY_PREFIX}{digest}"


def detail_key(request, validators, *extra):
    """The cache key of an API detail with ``validators`` (an ETag and its state), or None.

    The ETag already holds the page's state and the variant; ``extra`` adds what else the view
    reads from the request (``?site=``).
    """
    if (
        validators is None
        or getattr(validators, "restricted", True)
        or not is_revision_cached(getattr(validators, "content_type_id", None))
        or not cache_seconds()
        or not is_shared_request(request)
    ):
        return None
    etag = validators[0].strip(chr(34))
    return f"{KEY_PREFIX}detail:{__version__}:{etag}:{':'.join(map(str, extra))}"


def cached(key, compute):
    """``compute()``, kept under ``key`` (computed every time when ``key`` is None)."""
    if key is None:
        return compute()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, cache_seconds())
    return value
