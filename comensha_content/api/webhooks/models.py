"""Webhook endpoints a site's administrators configure, and the log of every delivery.

The secret is generated, never typed in: it is shown once when made (the admin's success
message) and masked afterwards; no API serialises either model.
"""

import secrets
import uuid

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

#: Event names a front end can subscribe to (``event`` in the payload).
PAGE_PUBLISHED = "page.published"
PAGE_UNPUBLISHED = "page.unpublished"
PAGE_DELETED = "page.deleted"
EVENT_CHOICES = [
    (PAGE_PUBLISHED, _("Page published")),
    (PAGE_UNPUBLISHED, _("Page unpublished (also taken offline for consent)")),
    (PAGE_DELETED, _("Page deleted")),
]
ALL_EVENTS = [code for code, _label in EVENT_CHOICES]

#: Characters of the secret shown where it is masked.
SECRET_VISIBLE_CHARS = 6


def new_secret():
    """A random signing secret (256 bits), prefixed so it is recognisable in a vault."""
    return "whsec_" + secrets.token_hex(32)


def default_events():
    return list(ALL_EVENTS)


class WebhookEndpoint(models.Model):
    """A front end's URL that receives a signed POST for each subscribed page event."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_(
            "Where the front end receives events, e.g. https://www.example.org/api/revalidate."
        ),
    )
    secret = models.CharField(_("secret"), max_length=100, default=new_secret, editable=False)
    events = models.JSONField(
        _("events"),
        default=default_events,
        help_text=_("The page events sent to this endpoint."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Only pages in this language; empty: pages in every language."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive endpoints receive nothing.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def masked_secret(self):
        """The secret as the admin shows it after creation: its start, the rest hidden."""
        return self.secret[:SECRET_VISIBLE_CHARS] + "…" if self.secret else ""

    def wants(self, event, locale_id):
        """Whether this endpoint subscribes to ``event`` for a page in ``locale_id``."""
        if not self.active or event not in (self.events or []):
            return False
        return self.locale_id is None or self.locale_id == locale_id


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    RETRYING = "retrying", _("Retrying")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class WebhookDelivery(models.Model):
    """One event for one endpoint: the exact body sent, and the outcome of each attempt."""

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("endpoint"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event_id = models.UUIDField(_("event ID"), default=uuid.uuid4, db_index=True)
    event = models.CharField(_("event"), max_length=40, choices=EVENT_CHOICES)
    page_id = models.PositiveIntegerField(_("page ID"), null=True, blank=True)
    payload = models.TextField(_("payload"), help_text=_("The JSON body, exactly as signed."))
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    status_code = models.PositiveSmallIntegerField(_("last status code"), null=True, blank=True)
    response_excerpt = models.TextField(_("last response (excerpt)"), blank=True)
    error = models.TextField(_("last error"), blank=True)
    attempt_log = models.JSONField(_("attempts made"), default=list, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_event_display()} → {self.endpoint}"
