"""API v3 (Wagtail 8): images, documents and redirects as ``comensha_v3_urls`` mounts them.

Wagtail 8.0's v3 images and documents routers read their public queryset from a module
function (``get_images_queryset(request)``, ``get_documents_queryset(request)``) and have no
other extension point; its redirects router lets anyone read every redirect (an old path can
name an unpublished story). Mounted through ``comensha_v3_urls``:

- an anonymous request sees only the images and documents public pages use
  (``media.used_on_public_pages``; a hidden one is a 404), through ``install_public_querysets``,
  which wraps those two module functions once, when the URLconf is loaded;
- every image's ``meta.download_url`` (the original file) is null, with or without a token;
- should those functions not be wrapped (a later Wagtail renamed them), anonymous media reads
  answer 401 instead of listing the whole library;
- the image and document listings answer 401 without an API token unless
  ``COMENSHA_CONTENT_PUBLIC_MEDIA_API`` is True, and every redirect read (listing, find,
  detail) unless ``COMENSHA_CONTENT_PUBLIC_REDIRECTS_API`` is True.

A request with a valid token is Wagtail's, unchanged apart from ``download_url``.
"""

import importlib
import json
from functools import wraps

from comensha_content.api.media import used_on_public_pages
from comensha_content.core.conf import get_setting

#: Router modules and the queryset function each one reads for its public reads.
PUBLIC_QUERYSET_FUNCTIONS = {
    "wagtail.images.api.v3.router": "get_images_queryset",
    "wagtail.documents.api.v3.router": "get_documents_queryset",
}

READ_METHODS = ("GET", "HEAD")


def _public_only(original):
    @wraps(original)
    def queryset(request, *args, **kwargs):
        result = original(request, *args, **kwargs)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return result  # a valid token: Wagtail's own rules
        return used_on_public_pages(result)

    queryset.comensha_original = original
    return queryset


def install_public_querysets():
    """Narrow the v3 images and documents routers' anonymous querysets (idempotent).

    Returns the names of the functions wrapped. A router that is not installed, or a Wagtail
    that renamed its function, is skipped: ``has_public_querysets()`` then says False and the
    listings keep needing a token even with ``COMENSHA_CONTENT_PUBLIC_MEDIA_API``.
    """
    installed = []
    for module_name, function_name in PUBLIC_QUERYSET_FUNCTIONS.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        original = getattr(module, function_name, None)
        if original is None:
            continue
        if not hasattr(original, "comensha_original"):
            setattr(module, function_name, _public_only(original))
        installed.append(f"{module_name}.{function_name}")
    return installed


def has_public_querysets(module_name):
    module = importlib.import_module(module_name)
    function = getattr(module, PUBLIC_QUERYSET_FUNCTIONS[module_name], None)
    return hasattr(function, "comensha_original")


def has_valid_token(request):
    """Whether the request carries a valid, unrevoked API v3 bearer token of an active user."""
    from wagtail.api.v3.auth import BearerTokenAuth

    if not request.headers.get("Authorization"):
        return False
    return BearerTokenAuth()(request) is not None


def _token_required():
    from wagtail.api.v3.errors import problem_response

    response = problem_response(
        status=401,
        detail="An API token is required to read this endpoint.",
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


def require_token_unless(setting, router_module=None):
    """Wrap a v3 read view: 401 without a token unless ``COMENSHA_CONTENT_<setting>``.

    ``setting`` None: anonymous reads are allowed. With ``router_module``, anonymous reads are
    only allowed while that router's anonymous queryset is narrowed
    (``install_public_querysets``): should Wagtail rename its function, the endpoint asks a
    token rather than serving the whole library.
    """

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in READ_METHODS and not has_valid_token(request):
                public = (setting is None or get_setting(setting)) and (
                    router_module is None or has_public_querysets(router_module)
                )
                if not public:
                    return _token_required()
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _strip_download_urls(data):
    items = data.get("items") if isinstance(data, dict) and "items" in data else [data]
    for item in items if isinstance(items, list) else ():
        meta = item.get("meta") if isinstance(item, dict) else None
        if isinstance(meta, dict) and "download_url" in meta:
            meta["download_url"] = None
    return data


def without_download_url(view):
    """Wrap a v3 image view: ``meta.download_url`` (the original file's URL) is null."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not content_type.startswith("application/json"):
            return response
        data = _strip_download_urls(json.loads(response.content))
        response.content = json.dumps(data).encode()
        return response

    return wrapper


def image_listing(view):
    return require_token_unless("PUBLIC_MEDIA_API", "wagtail.images.api.v3.router")(
        without_download_url(view)
    )


def document_listing(view):
    return require_token_unless("PUBLIC_MEDIA_API", "wagtail.documents.api.v3.router")(view)


def redirect_read(view):
    return require_token_unless("PUBLIC_REDIRECTS_API")(view)


def image_detail(view):
    return require_token_unless(None, "wagtail.images.api.v3.router")(without_download_url(view))


def document_detail(view):
    return require_token_unless(None, "wagtail.documents.api.v3.router")(view)


#: URL names in Wagtail's v3 images, documents and redirects routers -> wrapper.
MEDIA_WRAPPERS = {
    "list_images": image_listing,
    "detail_image": image_detail,
    "list_documents": document_listing,
    "detail_document": document_detail,
    "list_redirects": redirect_read,
    "find_redirect": redirect_read,
    "detail_redirect": redirect_read,
}

__all__ = [
    "MEDIA_WRAPPERS",
    "has_valid_token",
    "install_public_querysets",
    "require_token_unless",
    "without_download_url",
]
