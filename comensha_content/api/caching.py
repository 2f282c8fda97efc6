"""Conditional GET for the API's detail responses: ETag, Last-Modified and 304 Not Modified.

A front end (or a CDN) that keeps a page's JSON revalidates it with ``If-None-Match`` and gets
an empty 304 while nothing changed. The ETag is a digest of:

- the served body itself, so an edited snippet, image or linked page (which do not republish the
  page) still changes it;
- the object's live revision and publication time, so republishing changes it even when the body
  comes out the same;
- the variant: API version, served locale, ``?fields=``, the resolved rich text format and the
  media type, so two representations of one page never share an ETag.

``Last-Modified`` is the page's last publication (for a recommendation: its last logged edit or
its report's publication, whichever is later). It does not move when a linked object changes, so
clients should revalidate with ``If-None-Match``; Django's ``get_conditional_response`` gives
``If-None-Match`` precedence over ``If-Modified-Since`` (RFC 9110).

API v2 detail views get this from ``ConditionalDetailMixin``; API v3's page detail through
``v3_urls.comensha_v3_urls(api.urls)`` in a site's URLconf, which wraps that one view (no
patching of Wagtail).
"""

import hashlib
import json
from functools import wraps

from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from rest_framework.utils.encoders import JSONEncoder

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


def make_etag(*, body, version, obj, locale, variant):
    """A strong ETag for ``body`` (bytes) served for ``obj`` in ``locale`` with ``variant``."""
    revision = getattr(obj, "live_revision_id", None)
    published = getattr(obj, "last_published_at", None)
    key = json.dumps(
        {
            "api": version,
            "object": f"{obj._meta.label}:{obj.pk}",
            "revision": revision,
            "published": published.isoformat() if published else None,
            "locale": locale,
            "variant": variant,
        },
        sort_keys=True,
    ).encode()
    digest = hashlib.sha256(key + b"\n" + body).hexdigest()[:40]
    return f'"{digest}"'


def page_last_modified(page):
    """The page's last publication as a timestamp, or None (never published)."""
    published = getattr(page, "last_published_at", None)
    return int(published.timestamp()) if published else None


def recommendation_last_modified(recommendation):
    """The later of the recommendation's last logged edit and its report's publication."""
    from wagtail.models import ModelLogEntry

    times = []
    logged = (
        ModelLogEntry.objects.for_instance(recommendation)
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    if logged:
        times.append(logged)
    report = getattr(recommendation, "report", None)
    if report is not None and report.last_published_at:
        times.append(report.last_published_at)
    return int(max(times).timestamp()) if times else None


def conditional(request, response, *, etag, last_modified):
    """``response`` with ETag and Last-Modified, or 304 when the request's validators match."""
    if not 200 <= response.status_code < 300 or request.method not in ("GET", "HEAD"):
        return response
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )


class ConditionalDetailMixin:
    """API v2 viewset mixin: detail responses carry ETag and Last-Modified and answer 304.

    ``last_modified(instance)`` gives the Last-Modified timestamp (None to leave it out).
    """

    def last_modified(self, instance):
        return page_last_modified(instance)

    def detail_view(self, request, pk):
        response = super().detail_view(request, pk)
        instance = self.get_object()
        body = json.dumps(response.data, cls=JSONEncoder, sort_keys=True).encode()
        locale = getattr(getattr(instance, "locale", None), "language_code", None)
        etag = make_etag(
            body=body,
            version="v2",
            obj=instance,
            locale=locale,
            variant={
                "fields": request.GET.get("fields", ""),
                "rich_text_format": resolved_rich_text_format(request),
                "media_type": getattr(request, "accepted_media_type", ""),
            },
        )
        return conditional(request, response, etag=etag, last_modified=self.last_modified(instance))


def conditional_v3_page_detail(view):
    """Wrap API v3's page detail view: ETag and Last-Modified on a live page's 200, and 304.

    Other methods on the same URL (PATCH, DELETE) and draft reads pass through untouched.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or request.GET.get("version") == "draft"
        ):
            return response
        from wagtail.models import Page

        page = (
            Page.objects.filter(pk=kwargs.get("page_id"))
            .select_related("locale")
            .only("pk", "live_revision_id", "last_published_at", "locale__language_code")
            .first()
        )
        if page is None:
            return response
        etag = make_etag(
            body=response.content,
            version="v3",
            obj=page,
            locale=page.locale.language_code,
            variant={"rich_text_format": resolved_rich_text_format(request)},
        )
        return conditional(request, response, etag=etag, last_modified=page_last_modified(page))

    return wrapper
