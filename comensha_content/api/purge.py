"""Purge the API's URLs from the front-end cache when content is published or unpublished.

Wagtail's ``wagtail.contrib.frontend_cache`` purges a page's HTML URLs on publish; a CDN in front
of the API also holds its JSON. When ``WAGTAILFRONTENDCACHE`` (or ``_LOCATION``) is configured,
this purges, through ``wagtail.contrib.frontend_cache.utils`` and its configured backends:

- a page published or unpublished: its API v2 and v3 detail URLs and the bare listing URLs
  (``/api/v2/pages/``, ``/api/v3/pages/``); for a policy report also its recommendations' detail
  URLs and the recommendations listing, whose items show the report;
- a recommendation saved or deleted: its detail URL and the recommendations listing.

URLs are absolute, on ``WAGTAILAPI_BASE_URL`` (else the page's site). A listing with a query string
(``?type=...``) is a URL of its own to a CDN and is not purged one by one: give listings a short
``max-age`` (or purge by prefix/tag in the CDN). The purge runs after the transaction commits, so
the CDN never refetches the old version. Without the setting nothing is done.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse

from comensha_content.core.conf import get_setting

logger = logging.getLogger(__name__)

#: API v3's URL namespace (``wagtail.api.v3.api``).
V3_NAMESPACE = "wagtailapi_v3"


def is_configured():
    """Whether a front-end cache is configured (Wagtail's own settings)."""
    return bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
        or getattr(settings, "WAGTAILFRONTENDCACHE_LOCATION", None)
    )


def _reverse(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None  # that API or endpoint is not mounted on this site


def base_url(site=None):
    """The scheme and host the API is served on."""
    configured = getattr(settings, "WAGTAILAPI_BASE_URL", None)
    if configured:
        return configured.rstrip("/")
    if site is None:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site is not None else ""


def _absolute(paths, site=None):
    root = base_url(site)
    return [root + path for path in paths if path]


def page_api_urls(page):
    """Absolute API URLs that serve ``page`` (detail) or list it (bare listings)."""
    namespace = get_setting("API_URL_NAMESPACE")
    paths = [
        _reverse(f"{namespace}:pages:detail", page.pk),
        _reverse(f"{namespace}:pages:listing"),
        _reverse(f"{V3_NAMESPACE}:detail_page", page.pk),
        _reverse(f"{V3_NAMESPACE}:list_pages"),
    ]
    return _absolute(paths, page.get_site())


def recommendation_api_urls(recommendation_ids, site=None):
    """Absolute detail URLs of the recommendations and the recommendations listing."""
    namespace = get_setting("API_URL_NAMESPACE")
    paths = [_reverse(f"{namespace}:recommendations:detail", pk) for pk in recommendation_ids]
    paths.append(_reverse(f"{namespace}:recommendations:listing"))
    return _absolute(paths, site)


def purge_after_commit(urls):
    """Purge ``urls`` through Wagtail's front-end cache once the transaction has committed."""
    urls = sorted(set(urls))
    if not urls or not is_configured():
        return

    def purge():
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        logger.info("Purging %d API URL(s) from the front-end cache", len(urls))
        purge_urls_from_cache(urls)

    transaction.on_commit(purge)


def page_changed(sender, instance, **kwargs):
    """``page_published`` / ``page_unpublished``: purge the page's API URLs."""
    if not is_configured():
        return
    urls = page_api_urls(instance)
    from comensha_content.recommendations.models import PolicyReportPage, Recommendation

    if isinstance(instance, PolicyReportPage):
        ids = Recommendation.objects.filter(report=instance).values_list("pk", flat=True)
        urls += recommendation_api_urls(list(ids), instance.get_site())
    purge_after_commit(urls)


def recommendation_changed(sender, instance, **kwargs):
    """``post_save`` / ``post_delete`` of a recommendation: purge its API URLs."""
    if not is_configured() or kwargs.get("raw"):
        return
    try:
        site = instance.report.get_site()
    except Exception:  # the report is gone (deleted with it): use the default site
        site = None
    purge_after_commit(recommendation_api_urls([instance.pk], site))


def register_signal_handlers():
    """Connect the handlers (from the AppConfig's ``ready()``); they check the setting per call."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished

    from comensha_content.recommendations.models import Recommendation

    page_published.connect(page_changed, dispatch_uid="comensha_content.api.purge.published")
    page_unpublished.connect(page_changed, dispatch_uid="comensha_content.api.purge.unpublished")
    post_save.connect(
        recommendation_changed,
        sender=Recommendation,
        dispatch_uid="comensha_content.api.purge.recommendation_saved",
    )
    post_delete.connect(
        recommendation_changed,
        sender=Recommendation,
        dispatch_uid="comensha_content.api.purge.recommendation_deleted",
    )
