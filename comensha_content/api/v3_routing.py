"""API v3 (Wagtail 8): find by ``html_path`` in every language, list by ``translation_key``.

Both wrap Wagtail's own views (``v3_urls.comensha_v3_urls``), nothing of Wagtail is patched:

- ``find_page``: a path with a language prefix (``/en/longread/lisa/``) is routed in that
  language's tree (``routing.route_html_path``) and redirected to the page's detail URL, as
  Wagtail does for the unprefixed language; everything else is Wagtail's answer.
- ``list_pages``: ``?translation_key=<uuid>`` lists the page in each of its languages that the
  request may read (with ``?locale=``, in one). Wagtail 8.0's listing has no such filter and
  ignores parameters it does not know (and its ``?pk=`` filter is a 500 in 8.0), so the
  listing is asked once per translation, narrowed by the translation's ``slug`` and ``locale``
  (filters of its own) and kept to that page's item; the answers are joined, so every item
  is Wagtail's own serialisation with the request's other filters.
"""

import copy
import json
from functools import wraps

from django.shortcuts import redirect
from django.urls import reverse

from comensha_content.api.routing import BadTranslationKey, parse_translation_key, route_html_path


def _problem(status, detail, loc, msg):
    from wagtail.api.v3.errors import problem_response

    return problem_response(
        status=status,
        detail=detail,
        errors=[{"type": "value_error", "loc": ["query", loc], "msg": msg}],
    )


def find_in_every_language(view):
    """Wrap v3 ``find_page``: ``html_path`` with a language prefix resolves in that language."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        html_path = request.GET.get("html_path")
        if request.method in ("GET", "HEAD") and html_path:
            from wagtail.api.v3.querysets import get_pages_queryset
            from wagtail.api.validators import SiteFilterValidator

            try:
                site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
            except Exception:  # noqa: BLE001 - Wagtail answers a bad ?site= itself
                return view(request, *args, **kwargs)
            page = route_html_path(request, site, html_path)
            if page is not None and get_pages_queryset(request).filter(pk=page.pk).exists():
                url = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
                query = request.GET.copy()
                query.pop("html_path", None)
                query.pop("id", None)
                return redirect(f"{url}?{query.urlencode()}" if query else url)
        return view(request, *args, **kwargs)

    return wrapper


def _with_query(request, query):
    sub_request = copy.copy(request)
    sub_request.GET = query
    return sub_request


def list_by_translation_key(view):
    """Wrap v3 ``list_pages``: ``?translation_key=`` lists that page's translations."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or "translation_key" not in request.GET:
            return view(request, *args, **kwargs)
        try:
            key = parse_translation_key(request.GET["translation_key"])
        except BadTranslationKey as error:
            return _problem(422, "Validation failed", "translation_key", str(error))
        from wagtail.api.v3.querysets import get_pages_queryset

        pages = get_pages_queryset(request).filter(translation_key=key)
        if request.GET.get("locale"):
            pages = pages.filter(locale__language_code=request.GET["locale"])
        base = request.GET.copy()
        for name in ("translation_key", "limit", "offset"):
            base.pop(name, None)
        items, first = [], None
        for page_id, slug, language in pages.order_by("pk").values_list(
            "pk", "slug", "locale__language_code"
        ):
            query = base.copy()
            query.setdefault("slug", slug)  # a request's own slug still has to match
            query["locale"] = language
            response = view(_with_query(request, query), *args, **kwargs)
            if response.status_code != 200:
                return response  # a bad type, locale or field: Wagtail's own answer
            first = first or response
            found = json.loads(response.content).get("items", [])
            items.extend(item for item in found if item.get("id") == page_id)
        if first is None:  # nothing to join: Wagtail's empty listing for the other filters
            query = base.copy()
            query["slug"] = "-"  # no page has it: Wagtail's empty listing (or its error)
            return view(_with_query(request, query), *args, **kwargs)
        offset = _int(request.GET.get("offset"), 0)
        limit = _int(request.GET.get("limit"), len(items))
        first.content = json.dumps(
            {"count": len(items), "items": items[offset : offset + limit]},
        )
        return first

    return wrapper


def _int(value, default):
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return default
