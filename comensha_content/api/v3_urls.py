"""Mount Wagtail's API v3 with the package's additions, by wrapping some of its views.

    from wagtail.api.v3.urls import api as api_v3
    from comensha_content.api.v3_urls import comensha_v3_urls

    urlpatterns += [path("api/v3/", comensha_v3_urls(api_v3.urls))]

- Page detail (``detail_page``): ETag, Last-Modified and 304 (``caching.py``); a story whose
  consent leaves out the API is a 404, as in API v2 (``comensha_content.safety.consent``).
- Page listing (``list_pages``): the package's own filters (``narrator``, ``form``, ``role`` of
  stories; ``exploitation``, ``theme``, ``plateau``, ``authority`` of instruments) exist in API v2
  only. Wagtail 8.0's v3 listing has no extension point for custom filters and ignores a parameter
  it does not know, so ``?narrator=victim`` would silently list every page. Such a parameter
  answers 422 instead, in Wagtail's own problem+json shape, naming the v2 URL to use. Stories
  whose consent leaves out the API are taken out of the listing's items (and its count).

- Images, documents and redirects (``v3_media.py``): an anonymous request sees only the media
  public pages use, never an image's original file URL, and the media listings and redirects
  need an API token unless ``COMENSHA_CONTENT_PUBLIC_MEDIA_API`` /
  ``COMENSHA_CONTENT_PUBLIC_REDIRECTS_API`` say otherwise.

- Find by path (``find_page``) in every language and listings by ``translation_key``
  (``v3_routing.py``).
- Every view answers HEAD like GET without a body (``http_headers.answer_head_like_get``).

Everything else (other methods on the same URLs, every other view) is Wagtail's, unchanged.
"""

import json
from functools import wraps

from django.urls import URLPattern

from comensha_content.api.caching import conditional_v3_page_detail
from comensha_content.api.http_headers import answer_head_like_get
from comensha_content.api.search_limits import limit_v3_query
from comensha_content.api.v3_media import MEDIA_WRAPPERS, install_public_querysets
from comensha_content.api.v3_routing import find_in_every_language, list_by_translation_key
from comensha_content.core.listing import database_id, model_filterset

#: URL names in ``wagtail.api.v3.routers.pages``.
V3_PAGE_DETAIL = "detail_page"
V3_PAGE_LISTING = "list_pages"
V3_PAGE_FIND = "find_page"


def v2_only_filters():
    """``{parameter: [page type labels]}`` of the package's page filters (API v2 only).

    Read from each page type's ``filterset_class``, the FilterSet API v2 runs.
    """
    from comensha_content.schema.discovery import package_page_models

    parameters = {}
    for model in package_page_models():
        filterset_class = model_filterset(model)
        for parameter in filterset_class.describe_parameters() if filterset_class else ():
            parameters.setdefault(parameter["name"], []).append(model._meta.label)
    return parameters


def _v3_field_filters(request):
    """Names v3 filters on itself for the request's ``?type=`` (base fields and api_fields)."""
    from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
    from wagtail.coreutils import resolve_model_string

    names = set(BASE_PAGE_READ_FIELDS)
    types = request.GET.getlist("type")
    if len(types) == 1:
        try:
            model = resolve_model_string(types[0])
        except (LookupError, ValueError):
            return names  # Wagtail answers the bad type itself
        names |= {getattr(field, "name", field) for field in getattr(model, "api_fields", ())}
    return names


def reject_v2_only_filters(view):
    """Wrap the v3 page listing: the package's v2-only filters answer 422 with a message."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            filters = v2_only_filters()
            unsupported = sorted((set(request.GET) & set(filters)) - _v3_field_filters(request))
            if unsupported:
                from wagtail.api.v3.errors import problem_response

                return problem_response(
                    status=422,
                    detail="Validation failed",
                    errors=[
                        {
                            "type": "unsupported_filter",
                            "loc": ["query", name],
                            "msg": f"'{name}' is a filter of API v2 only (page types: "
                            f"{', '.join(filters[name])}); use "
                            f"/api/v2/pages/?type={filters[name][0]}&{name}=...",
                        }
                        for name in unsupported
                    ],
                )
        return view(request, *args, **kwargs)

    return wrapper


def _hidden_for_consent(page_ids):
    from wagtail.models import Page

    from comensha_content.safety.consent import Channel
    from comensha_content.safety.consent_lifecycle import exclude_not_consented

    ids = {database_id(page_id) for page_id in page_ids} - {None}
    pages = Page.objects.filter(pk__in=ids)
    return ids - set(exclude_not_consented(pages, Channel.API).values_list("pk", flat=True))


def hide_detail_without_api_consent(view):
    """Wrap the v3 page detail: a story whose consent excludes the API is not found."""

    @wraps(view)
    def wrapper(request, *args, page_id=None, **kwargs):
        if page_id is not None and _hidden_for_consent([page_id]):  # else Wagtail answers
            from wagtail.api.v3.errors import problem_response

            return problem_response(status=404, detail="Not found")
        return view(request, *args, page_id=page_id, **kwargs)

    return wrapper


def hide_listed_without_api_consent(view):
    """Wrap the v3 page listing: stories whose consent excludes the API are left out."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or "json" not in response.get("Content-Type", ""):
            return response
        data = json.loads(response.content)
        items = data.get("items") if isinstance(data, dict) else None
        if not items:
            return response
        hidden = _hidden_for_consent([item["id"] for item in items if "id" in item])
        if hidden:
            data["items"] = [item for item in items if item.get("id") not in hidden]
            if isinstance(data.get("count"), int):
                data["count"] -= len(hidden)
            response.content = json.dumps(data)
        return response

    return wrapper


def detail_wrapper(view):
    return conditional_v3_page_detail(hide_detail_without_api_consent(view))


def listing_wrapper(view):
    return list_by_translation_key(reject_v2_only_filters(hide_listed_without_api_consent(view)))


WRAPPERS = {
    V3_PAGE_DETAIL: detail_wrapper,
    V3_PAGE_LISTING: listing_wrapper,
    V3_PAGE_FIND: find_in_every_language,
    **MEDIA_WRAPPERS,
}


def _v3_api():
    from wagtail.api.v3.api import api

    return api


def comensha_v3_urls(urls, wrappers=None):
    """``api.urls`` of Wagtail's API v3 with the page, media and redirect views wrapped.

    Also narrows what anonymous requests read of the images and documents routers
    (``v3_media.install_public_querysets``).
    """
    from comensha_content.api.v3_writes import V3_WRITE_URLS, guard_writes, install_error_names

    wrappers = WRAPPERS if wrappers is None else wrappers
    install_public_querysets()
    install_error_names(_v3_api())
    patterns, app_name, namespace = urls
    wrapped = []
    for pattern in patterns:
        wrapper = wrappers.get(getattr(pattern, "name", None))
        if isinstance(pattern, URLPattern):  # every view: query limits (search_limits.py)
            # The query limits first (outermost): no wrapper reads a rejected parameter.
            callback = wrapper(pattern.callback) if wrapper is not None else pattern.callback
            callback = limit_v3_query(callback)
            pattern = URLPattern(
                pattern.pattern, answer_head_like_get(callback), pattern.default_args, pattern.name
            )
        if isinstance(pattern, URLPattern) and pattern.name in V3_WRITE_URLS:
            pattern = URLPattern(
                pattern.pattern, guard_writes(pattern.callback), pattern.default_args, pattern.name
            )
        wrapped.append(pattern)
    return wrapped, app_name, namespace
