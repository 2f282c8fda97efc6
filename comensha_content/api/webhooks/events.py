"""Page events for front ends: Wagtail's signals turned into payloads, queued after the commit.

A payload says which page changed and where it lives, nothing about its content, and never
anything about consent: a story that consent takes offline is a ``page.unpublished`` with
``"reason": "consent"`` (read from the audit-log action the takedown writes), no more. The
deliveries are created and their tasks enqueued on ``transaction.on_commit``, so a rolled-back
publish sends nothing and a front end never refetches the old version.
"""

import json
import logging
import uuid
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from comensha_content.api.webhooks.models import (
    PAGE_DELETED,
    PAGE_PUBLISHED,
    PAGE_UNPUBLISHED,
    WebhookDelivery,
    WebhookEndpoint,
)
from comensha_content.safety.consent_lifecycle import OFFLINE_ACTION

logger = logging.getLogger(__name__)

#: Audit-log action -> the ``reason`` of an unpublish event.
UNPUBLISH_REASONS = {
    OFFLINE_ACTION: "consent",
    "wagtail.unpublish.scheduled": "expired",
}


def page_urls(page):
    """The page's URLs as a front end routes them: relative, absolute and the bare path."""
    full_url = page.get_full_url()
    return {
        "url": page.get_url(),
        "full_url": full_url,
        "html_path": urlsplit(full_url).path if full_url else None,
    }


def page_payload(event, page, reason=None):
    """The JSON-ready payload of ``event`` for ``page`` (a specific page instance)."""
    payload = {
        "id": str(uuid.uuid4()),
        "event": event,
        "timestamp": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": f"{page._meta.app_label}.{page.__class__.__name__}",
            "locale": page.locale.language_code,
            "translation_key": str(page.translation_key),
            **page_urls(page),
        },
    }
    if event == PAGE_UNPUBLISHED:
        payload["reason"] = reason or "other"
    return payload


def encode(payload):
    """The body as sent and signed: compact, keys sorted, so a retry sends the same bytes."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def queue(event, page, reason=None):
    """Create the deliveries of ``event`` after the commit and enqueue their tasks."""
    if not WebhookEndpoint.objects.filter(active=True).exists():
        return  # one cheap query per page event on a site without webhooks
    payload = page_payload(event, page, reason)
    locale_id = page.locale_id

    def create_and_enqueue():
        from comensha_content.api.webhooks.delivery import enqueue_delivery

        for endpoint in WebhookEndpoint.objects.filter(active=True):
            if not endpoint.wants(event, locale_id):
                continue
            delivery = WebhookDelivery.objects.create(
                endpoint=endpoint,
                event_id=payload["id"],
                event=event,
                page_id=payload["page"]["id"],
                payload=encode(payload),
            )
            enqueue_delivery(delivery)

    transaction.on_commit(create_and_enqueue)


def unpublish_reason(page):
    """Why ``page`` went offline, from the audit-log entry the unpublish action just wrote."""
    from wagtail.models import PageLogEntry

    # An alias is unpublished with its original, without a log entry of its own.
    page_ids = [page.pk] + ([page.alias_of_id] if page.alias_of_id else [])
    entry = PageLogEntry.objects.filter(page_id__in=page_ids).order_by("-timestamp", "-id").first()
    return UNPUBLISH_REASONS.get(entry.action, "other") if entry else "other"


def page_published(sender, instance, **kwargs):
    queue(PAGE_PUBLISHED, instance)


def page_unpublished(sender, instance, **kwargs):
    queue(PAGE_UNPUBLISHED, instance, reason=unpublish_reason(instance))


def page_deleted(sender, instance, **kwargs):
    """``pre_delete`` of any model: a live page, seen once (as its specific class)."""
    from wagtail.models import Page

    if not isinstance(instance, Page) or not instance.live:
        return
    # Multi-table inheritance sends the signal for Page and for each subclass row.
    specific_class = instance.specific_class
    if specific_class is not None and type(instance) is not specific_class:
        return
    queue(PAGE_DELETED, instance)


def register_signal_handlers():
    """Connect the handlers (from the AppConfig's ``ready()``)."""
    from django.db.models.signals import pre_delete
    from wagtail.signals import page_published as published
    from wagtail.signals import page_unpublished as unpublished

    uid = "comensha_content.api.webhooks"
    published.connect(page_published, dispatch_uid=f"{uid}.published")
    unpublished.connect(page_unpublished, dispatch_uid=f"{uid}.unpublished")
    pre_delete.connect(page_deleted, dispatch_uid=f"{uid}.deleted")
