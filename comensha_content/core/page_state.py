"""A live page's state in one query, and a digest of it: what ETags and cache keys are made of.

The API's ETags (``api/caching.py``) and the revision cache of rendered stories and API answers
(``core/revision_cache.py``) share this, so every change that renews an ETag also renews a
cache key: the page's live revision and publication time, its locale, the site's content
generation (``content_generation.py``) and the newest entries of Wagtail's audit logs for
changes that show on other pages (read in the same query, so an edit made in another process
shows even with a per-process cache).
"""

import hashlib
import json

from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.lookups import StartsWith
from django.utils import timezone

from comensha_content.core.content_generation import content_generation

#: Page log actions that change what the API shows of *other* pages (links, visibility).
PUBLIC_PAGE_ACTIONS = (
    "wagtail.publish",
    "wagtail.publish.scheduled",
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.move",
    "wagtail.delete",
    "wagtail.rename",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
)


def latest_log_marks():
    """Subquery annotations: the newest snippet/model log entry and public page action ids.

    Read in the same query as the object itself; they change when an edit logged by another
    process (the admin) may have changed what a page shows.
    """
    from wagtail.models import ModelLogEntry, PageLogEntry

    return {
        "model_log_mark": Subquery(ModelLogEntry.objects.order_by("-pk").values("pk")[:1]),
        "page_log_mark": Subquery(
            PageLogEntry.objects.filter(action__in=PUBLIC_PAGE_ACTIONS)
            .order_by("-pk")
            .values("pk")[:1]
        ),
    }


#: The state query without the page's id, built once per process (building it, with its
#: subqueries, cost more than running it); each request only adds ``pk=``.
_PAGE_STATE = None


def _build_page_state():
    global _PAGE_STATE
    from wagtail.models import Page, PageViewRestriction

    # A restriction on the page or any ancestor: its page's path starts this page's path.
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    _PAGE_STATE = (
        Page.objects.filter(live=True)
        .annotate(
            language=F("locale__language_code"),
            restricted=Exists(restricted),
            **latest_log_marks(),
        )
        .values(
            "live_revision_id",
            "content_type_id",
            "last_published_at",
            "expire_at",
            "language",
            "restricted",
            "model_log_mark",
            "page_log_mark",
        )
    )


def page_state(pk):
    """``{"marks", "published", "restricted", "content_type_id"}`` of live page ``pk``.

    One query. None for a page that is missing, not live, or past its expiry.
    """
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if _PAGE_STATE is None:
        _build_page_state()
    row = next(iter(_PAGE_STATE.filter(pk=pk)), None)  # the primary key: no ordering needed
    if row is None or (row["expire_at"] is not None and row["expire_at"] <= timezone.now()):
        return None
    published = row["last_published_at"]
    return {
        "marks": {
            "revision": row["live_revision_id"],
            "published": published.isoformat() if published else None,
            "locale": row["language"],
            "logs": [row["model_log_mark"], row["page_log_mark"]],
        },
        "published": published,
        "restricted": bool(row["restricted"]),
        "content_type_id": row["content_type_id"],
    }


def state_digest(*, version, label, pk, marks, variant):
    """A digest of object ``label:pk`` in its state ``marks`` (with the content generation),
    served as ``variant`` by ``version`` (an API version, or what renders it)."""
    key = json.dumps(
        {
            "api": version,
            "object": f"{label}:{pk}",
            "marks": marks,
            "generation": content_generation(),
            "variant": variant,
        },
        sort_keys=True,
        default=str,
    ).encode()
    return hashlib.sha256(key).hexdigest()[:40]
