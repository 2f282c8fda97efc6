"""The site's content generation: one token in Django's cache, renewed when shown content changes.

The API's ETags (``api/caching.py``) and the revision cache of rendered stories
(``core/revision_cache.py``) are decided without rendering the page, so they cannot see that a
snippet, an image, a taxonomy term, a consent record or a linked page changed. Instead, every
such change renews this token, and every ETag and cache key includes it: one cache read per
request, no query. A page's own drafts do not renew it (only publishing, unpublishing, moving and
deleting pages do), nor do records that never show in a page (revisions, renditions, audit
log entries, sessions, search index entries).

With several processes, give them a shared cache (Redis, Memcached; see docs/performance.md);
the audit log marks the ETag also reads cover admin edits made in another process meanwhile.
"""

import uuid

from django.core.cache import cache

CACHE_KEY = "comensha_content:content_generation"

#: Apps whose records never show in an API representation.
IGNORED_APPS = frozenset(
    {
        "admin",
        "auth",
        "axes",
        "contenttypes",
        "django_tasks",
        "modelsearch",
        "sessions",
        "wagtail_localize",
        "wagtailadmin",
        "wagtailsearch",
        "wagtailusers",
    }
)
#: Wagtail's core records that do change what is public (the rest are workflow, references,
#: subscriptions, revisions, logs).
SHOWN_CORE_MODELS = frozenset(
    {"site", "locale", "pageviewrestriction", "collection", "collectionviewrestriction"}
)


def content_generation():
    """The current token (a new one when the cache lost it: every ETag changes, safely)."""
    token = cache.get(CACHE_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(CACHE_KEY, token, timeout=None):
            token = cache.get(CACHE_KEY) or token
    return token


def renew_content_generation():
    cache.set(CACHE_KEY, uuid.uuid4().hex, timeout=None)


def is_shown_content(model):
    """Whether saving a ``model`` record may change what the API shows of some page."""
    from wagtail.images.models import AbstractRendition
    from wagtail.models import BaseLogEntry, Page, Revision

    meta = model._meta
    if meta.app_label in IGNORED_APPS or meta.app_label.startswith("otp_"):
        return False
    if meta.app_label == "wagtailcore":
        return meta.model_name in SHOWN_CORE_MODELS
    return not issubclass(model, Page | Revision | AbstractRendition | BaseLogEntry)


def on_record_change(sender, **kwargs):
    """post_save / post_delete / m2m_changed receiver: renew for shown content."""
    if kwargs.get("raw"):  # fixtures being loaded
        return
    if is_shown_content(sender):
        renew_content_generation()


def on_page_change(sender, **kwargs):
    """A page published, unpublished, moved or deleted: links and listings elsewhere change."""
    renew_content_generation()


def register_signal_handlers():
    """Connect the receivers; called from the AppConfig's ``ready()``."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(on_record_change, dispatch_uid="comensha_generation_save")
    m2m_changed.connect(on_record_change, dispatch_uid="comensha_generation_m2m")
    post_delete.connect(on_record_change, dispatch_uid="comensha_generation_delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_page_change, dispatch_uid=f"comensha_generation_{id(signal)}")
    post_delete.connect(_on_page_delete, dispatch_uid="comensha_generation_page_delete")


def _on_page_delete(sender, **kwargs):
    from wagtail.models import Page

    if issubclass(sender, Page):
        renew_content_generation()
