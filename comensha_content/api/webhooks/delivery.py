"""Deliver webhook payloads in the background (django-tasks), retrying with backoff.

Each attempt POSTs the stored body with ``X-Comensha-Signature: sha256=<hex>``, the
HMAC-SHA256 of ``"<timestamp>.<body>"`` with the endpoint's secret, and the Unix time in
``X-Comensha-Timestamp`` (so a receiver can refuse replays). A 2xx answer delivers it; any other
status, a redirect, a timeout or a connection error is logged on the delivery and retried after
``WEBHOOK_RETRY_SECONDS * 2 ** (attempt - 1)`` seconds, up to ``WEBHOOK_MAX_ATTEMPTS``.

A backend that can defer (django-tasks-db's database worker) runs the retry when it is due. One
that cannot (the immediate backend) leaves it for ``manage.py send_due_webhooks``: it never
blocks a request with retries.
"""

import hashlib
import hmac
import logging
import time
import urllib.error
import urllib.request
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from comensha_content.api.webhooks.models import DeliveryStatus, WebhookDelivery
from comensha_content.core.conf import get_setting

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Comensha-Signature"
TIMESTAMP_HEADER = "X-Comensha-Timestamp"
EVENT_HEADER = "X-Comensha-Event"
DELIVERY_HEADER = "X-Comensha-Delivery"
USER_AGENT = "comensha-content-webhooks"
#: Characters of the receiver's answer kept on the delivery.
EXCERPT_CHARS = 500


def sign(secret, timestamp, body):
    """The signature header's value for ``body`` (str) sent at ``timestamp`` (int)."""
    message = f"{timestamp}.{body}".encode()
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a failed delivery: a POST body must not be re-sent elsewhere as a GET."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def post(delivery):
    """One attempt: returns (status code or None, response excerpt, error message)."""
    timestamp = int(time.time())
    body = delivery.payload
    request = urllib.request.Request(
        delivery.endpoint.url,
        data=body.encode(),
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": USER_AGENT,
            SIGNATURE_HEADER: sign(delivery.endpoint.secret, timestamp, body),
            TIMESTAMP_HEADER: str(timestamp),
            EVENT_HEADER: delivery.event,
            DELIVERY_HEADER: str(delivery.pk),
        },
    )
    try:
        with OPENER.open(request, timeout=get_setting("WEBHOOK_TIMEOUT")) as response:
            return response.status, read_excerpt(response), ""
    except urllib.error.HTTPError as error:  # non-2xx (and refused redirects)
        return error.code, read_excerpt(error), f"HTTP {error.code}"
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        return None, "", f"{type(error).__name__}: {reason}"[:EXCERPT_CHARS]


def read_excerpt(response):
    try:
        return response.read(EXCERPT_CHARS).decode("utf-8", "replace")
    except OSError:
        return ""


def retry_delay(attempt):
    """Seconds before the attempt after ``attempt`` (1-based): doubles each time."""
    return get_setting("WEBHOOK_RETRY_SECONDS") * 2 ** (attempt - 1)


def attempt_delivery(delivery):
    """Make one attempt, record it on ``delivery`` and schedule what follows."""
    started = timezone.now()
    status_code, excerpt, error = post(delivery)
    delivered = status_code is not None and 200 <= status_code < 300
    delivery.attempts += 1
    delivery.status_code = status_code
    delivery.response_excerpt = excerpt
    delivery.error = "" if delivered else error
    delivery.attempt_log = [
        *delivery.attempt_log,
        {"at": started.isoformat(), "status_code": status_code, "error": delivery.error},
    ]
    if delivered:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
    elif delivery.attempts >= get_setting("WEBHOOK_MAX_ATTEMPTS"):
        delivery.status = DeliveryStatus.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.status = DeliveryStatus.RETRYING
        delivery.next_attempt_at = timezone.now() + timedelta(
            seconds=retry_delay(delivery.attempts)
        )
    delivery.save()
    logger.log(
        logging.INFO if delivered else logging.WARNING,
        "Webhook %s to %s, attempt %d: %s",
        delivery.event,
        delivery.endpoint.url,
        delivery.attempts,
        status_code or error,
    )
    if delivery.status == DeliveryStatus.RETRYING:
        schedule_retry(delivery)
    return delivery


@task()
def deliver_webhook(delivery_id):
    """The task: one attempt at a pending or retrying delivery (a finished one is left)."""
    delivery = (
        WebhookDelivery.objects.select_related("endpoint")
        .filter(pk=delivery_id, status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING])
        .first()
    )
    if delivery is None or not delivery.endpoint.active:
        return None
    return attempt_delivery(delivery).status


def enqueue_delivery(delivery):
    """Enqueue the first attempt (called after the commit that created ``delivery``)."""
    deliver_webhook.enqueue(delivery.pk)


def schedule_retry(delivery):
    """Enqueue the next attempt at ``next_attempt_at`` where the backend can defer it."""
    backend = deliver_webhook.get_backend()
    if not backend.supports_defer:
        return  # manage.py send_due_webhooks picks it up when due
    delayed = deliver_webhook.using(run_after=delivery.next_attempt_at)
    transaction.on_commit(lambda: delayed.enqueue(delivery.pk))


def send_due(now=None):
    """Attempt every retry that is due now (``send_due_webhooks``); returns how many."""
    due = WebhookDelivery.objects.filter(
        status=DeliveryStatus.RETRYING, next_attempt_at__lte=now or timezone.now()
    ).values_list("pk", flat=True)
    ids = list(due)
    for delivery_id in ids:
        deliver_webhook.call(delivery_id)
    return len(ids)
