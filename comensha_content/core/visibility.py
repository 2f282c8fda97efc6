"""Which pages an anonymous reader may learn exist: live, not expired, not view-restricted.

One rule for the HTML templates, the API's chooser values and the media endpoints, the same as
Wagtail's public API tier (``wagtail.api.querysets.get_public_pages_queryset``): a page is
public when it is live and neither it nor an ancestor has a view restriction. Stricter in two
ways: a page past its ``expire_at`` is not public even before Wagtail's ``publish_scheduled``
unpublishes it, and every view restriction counts (password, login, groups), whoever asks, so a
response cached for one reader shows another reader nothing more.

A link to a page that is not public is left out entirely: its title, id and type say what is
being written (a victim's story in draft, a private instrument) as much as its content would.
"""

from django.db.models import Q
from django.utils import timezone


def page_model():
    """The site's concrete page model (Wagtail 8 lets a site swap it; see core/pages.py)."""
    from comensha_content.core.pages import BasePage

    return BasePage


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (their subtrees are private)."""
    from wagtail.models import PageViewRestriction

    from comensha_content.core.bulk_scope import memoized

    return memoized(
        "restricted_paths",
        lambda: set(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def public_pages(model=None):
    """Queryset of the pages (of ``model``, default every page) an anonymous reader may see."""
    model = model or page_model()
    queryset = model._default_manager.filter(live=True, expired=False).filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    )
    return without_restricted(queryset)


def without_restricted(queryset):
    """``queryset`` of pages without those under a view restriction, as Wagtail's
    ``public()``, from ``restricted_paths()`` (read once per ``bulk_scope``)."""
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def _ancestor_paths(page):
    steplen = type(page).steplen
    return [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]


def mark_restrictions(pages):
    """Note on each of ``pages`` whether a view restriction covers it, in one query.

    ``is_publicly_visible`` then needs no query for them; a chooser block calls this for the
    pages it loads in bulk. Returns ``pages``.
    """
    pages = [page for page in pages if page is not None]
    if pages:
        paths = restricted_paths()
        for page in pages:
            page._comensha_restricted = any(path in paths for path in _ancestor_paths(page))
    return pages


def is_publicly_visible(page, request=None):
    """Whether an anonymous reader may see ``page`` (and so a link to it).

    ``request`` only caches the view restrictions for the rest of the request (one query per
    request instead of one per link); it never widens what is visible.
    """
    if page is None or not page.live or getattr(page, "expired", False):
        return False
    if page.expire_at is not None and page.expire_at <= timezone.now():
        return False
    restricted = getattr(page, "_comensha_restricted", None)
    if restricted is not None:  # noted when the page was loaded (mark_restrictions)
        return not restricted
    if request is not None:
        paths = getattr(request, "_comensha_restricted_paths", None)
        if paths is None:
            paths = restricted_paths()
            request._comensha_restricted_paths = paths
        return not any(path in paths for path in _ancestor_paths(page))
    from comensha_content.core.bulk_scope import current_scope

    if current_scope() is not None:  # an API listing: the restrictions are loaded once
        paths = restricted_paths()
        return not any(path in paths for path in _ancestor_paths(page))
    from wagtail.models import PageViewRestriction

    return not PageViewRestriction.objects.filter(page__path__in=_ancestor_paths(page)).exists()


__all__ = [
    "is_publicly_visible",
    "mark_restrictions",
    "page_model",
    "public_pages",
    "restricted_paths",
    "without_restricted",
]
