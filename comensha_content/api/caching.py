"""Conditional GET for the API's detail responses: ETag, Last-Modified and 304 Not Modified.

A front end (or a CDN) that keeps a page's JSON revalidates it with ``If-None-Match`` and gets
an empty 304 while nothing changed. The validators are decided *before* anything is serialised,
in one query, so a 304 costs a fraction of a full answer. The ETag is a digest of:

- the object's live revision and publication time (for a recommendation: its own row's edit
  marks and its report's), so republishing changes it even when the body comes out the same;
- the site's *content generation*: a token in Django's cache renewed whenever content a page
  may show changes without the page being republished (a snippet, an image, a term, a consent
  record, a linked page published, moved or unpublished; ``core/content_generation.py``), plus the
  newest entries of Wagtail's audit logs for such changes, read in the same query, so a change
  made in another process shows even with a per-process cache;
- the variant: API version, host, served locale, ``?fields=``, the resolved rich text format,
  the media type and whether the request carries credentials, so two representations of one
  page never share an ETag.

``Last-Modified`` is the page's last publication (for a recommendation: its last logged edit or
its report's publication, whichever is later). It does not move when a linked object changes, so
clients should revalidate with ``If-None-Match``; Django's ``get_conditional_response`` gives
``If-None-Match`` precedence over ``If-Modified-Since`` (RFC 9110).

API v2 detail views get this from ``ConditionalDetailMixin``; API v3's page detail through
``v3_urls.comensha_v3_urls(api.urls)`` in a site's URLconf, which wraps that one view (no
patching of Wagtail).

The validators' state and digest are ``core.page_state``'s; the same key serves the revision
cache (``core.revision_cache``): a 200 of an API v2 detail of a page type with
``revision_cached = True`` is its ETag's serialised data, kept in Django's cache.
"""

from functools import wraps

from django.db.models import F, Subquery
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework.response import Response

from comensha_content.core import revision_cache
from comensha_content.core.page_state import (  # noqa: F401  (PUBLIC_PAGE_ACTIONS re-exported)
    PUBLIC_PAGE_ACTIONS,
    latest_log_marks,
    page_state,
    state_digest,
)
from comensha_content.core.representation import APIRichText


def resolved_rich_text_format(request):
    """The rich text format a request is served in (the setting's when not asked for)."""
    requested = request.GET.get("rich_text_format") or None
    if APIRichText is not None:
        from wagtail.api.rich_text import RichTextFormatError

        try:
            return APIRichText.resolve_format(requested)
        except RichTextFormatError:  # an invalid value never reaches a 200 response
            return requested
    from django.conf import settings

    return requested or getattr(settings, "WAGTAILAPI_RICH_TEXT_FORMAT", "db_html")


def make_etag(*, version, label, pk, marks, variant):
    """A strong ETag for object ``label:pk`` in its state ``marks``, served as ``variant``."""
    digest = state_digest(version=version, label=label, pk=pk, marks=marks, variant=variant)
    return f'"{digest}"'


class Validators(tuple):
    """``(etag, last_modified)``; whether the page is under a view restriction, and its type."""

    def __new__(cls, etag, last_modified, *, restricted=False, content_type_id=None):
        validators = super().__new__(cls, (etag, last_modified))
        validators.restricted = restricted
        validators.content_type_id = content_type_id
        return validators


def request_variant(request, **extra):
    """What, besides the object, decides the representation a request gets."""
    return {
        "host": request.get_host(),
        "rich_text_format": resolved_rich_text_format(request),
        "credentials": bool(request.META.get("HTTP_AUTHORIZATION")),
        **extra,
    }


def page_validators(request, pk, *, version, variant):
    """``Validators`` of live page ``pk`` in one query (``core.page_state``), or None.

    None for a page that is missing, not live, or past its expiry: the full view decides what
    those answer, without validators.
    """
    state = page_state(pk)
    if state is None:
        return None
    etag = make_etag(
        version=version, label="wagtailcore.Page", pk=int(pk), marks=state["marks"], variant=variant
    )
    published = state["published"]
    return Validators(
        etag,
        int(published.timestamp()) if published else None,
        restricted=state["restricted"],
        content_type_id=state["content_type_id"],
    )


def recommendation_validators(request, pk, *, variant):
    """``(etag, last_modified)`` of recommendation ``pk`` in one query, or None."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    from comensha_content.recommendations.models import Recommendation

    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    content_type = ContentType.objects.get_for_model(Recommendation)  # cached by Django
    own_log = ModelLogEntry.objects.filter(content_type=content_type, object_id=str(pk)).order_by(
        "-timestamp"
    )
    row = (
        Recommendation.objects.filter(pk=pk)
        .annotate(
            logged=Subquery(own_log.values("timestamp")[:1]),
            report_published=F("report__last_published_at"),
            report_revision=F("report__live_revision_id"),
            **latest_log_marks(),
        )
        .values("logged", "report_published", "report_revision", "model_log_mark", "page_log_mark")
        .first()
    )
    if row is None:
        return None
    times = [time for time in (row["logged"], row["report_published"]) if time]
    etag = make_etag(
        version="v2",
        label=Recommendation._meta.label,
        pk=pk,
        marks={
            "logged": row["logged"].isoformat() if row["logged"] else None,
            "report": row["report_revision"],
            "report_published": row["report_published"],
            "logs": [row["model_log_mark"], row["page_log_mark"]],
        },
        variant=variant,
    )
    return etag, int(max(times).timestamp()) if times else None


def not_modified(request, validators):
    """A 304 when the request's validators match ``validators``, else None."""
    if validators is None or request.method not in ("GET", "HEAD"):
        return None
    if not (request.META.get("HTTP_IF_NONE_MATCH") or request.META.get("HTTP_IF_MODIFIED_SINCE")):
        return None
    etag, last_modified = validators
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        return None
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    return response


def conditional(request, response, validators):
    """``response`` with ETag and Last-Modified (``validators``), or 304 when they match."""
    if (
        validators is None
        or not 200 <= response.status_code < 300
        or request.method not in ("GET", "HEAD")
    ):
        return response
    etag, last_modified = validators
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )


def requested_media_type(request):
    """What the request asks the API for (``Accept`` and ``?format=``), before DRF negotiates.

    Part of the variant instead of DRF's negotiated media type, so a 304 is decided before DRF
    runs. Without "html" in ``Accept`` DRF can only answer JSON (or 406): one variant for all;
    with it, the header itself (the browsable API may answer), so no two bodies share an ETag.
    """
    accept = request.META.get("HTTP_ACCEPT", "")
    return [accept if "html" in accept.lower() else "json", request.GET.get("format", "")]


class ConditionalDetailMixin:
    """API v2 viewset mixin: detail responses carry ETag and Last-Modified and answer 304.

    The validators come first (``validators(request, pk)``, one query); a request with matching
    validators gets its 304 in ``dispatch``, before DRF's request handling (authentication,
    content negotiation, parameter checks), the object's loading or serialisation.
    """

    def validators(self, request, pk):
        variant = request_variant(
            request, fields=request.GET.get("fields", ""), media_type=requested_media_type(request)
        )
        return page_validators(request, pk, version="v2", variant=variant)

    def dispatch(self, request, *args, **kwargs):
        action = getattr(self, "action_map", {}).get(request.method.lower())
        if action == "detail_view" and "pk" in kwargs:
            self._early_validators = self.validators(request, kwargs["pk"])  # detail_view's too
            answer = not_modified(request, self._early_validators)
            if answer is not None:
                patch_vary_headers(answer, ("Accept",))  # as DRF's answers
                return answer
        return super().dispatch(request, *args, **kwargs)

    def detail_view(self, request, pk):
        if hasattr(self, "_early_validators"):
            validators = self._early_validators
        else:
            validators = self.validators(request, pk)
        answer = not_modified(request, validators)
        if answer is not None:
            return answer
        key = revision_cache.detail_key(request, validators, request.GET.get("site", ""))
        if key is None:
            response = super().detail_view(request, pk)
        else:  # this ETag's serialised detail, kept per live revision (core.revision_cache)
            view = super()

            def serialise():
                return view.detail_view(request, pk).data

            response = Response(revision_cache.cached(key, serialise))
        return conditional(request, response, validators)


class ConditionalRecommendationMixin(ConditionalDetailMixin):
    """``ConditionalDetailMixin`` for recommendations (their edits and their report's)."""

    def validators(self, request, pk):
        variant = request_variant(
            request, fields=request.GET.get("fields", ""), media_type=requested_media_type(request)
        )
        return recommendation_validators(request, pk, variant=variant)


def conditional_v3_page_detail(view):
    """Wrap API v3's page detail view: ETag and Last-Modified on a live page's 200, and 304.

    Other methods on the same URL (PATCH, DELETE) and draft reads pass through untouched.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.GET.get("version") == "draft":
            return view(request, *args, **kwargs)
        validators = page_validators(
            request, kwargs.get("page_id"), version="v3", variant=request_variant(request)
        )
        answer = not_modified(request, validators)
        if answer is not None:
            return answer
        response = view(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        return conditional(request, response, validators)

    return wrapper
