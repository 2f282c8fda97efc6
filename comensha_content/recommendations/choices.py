"""Stable codes of the recommendations: document types, urgency, responses and statuses."""

from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

#: Web addresses readers can follow: http and https only (no javascript:, data:, ftp:).
#: Its own error code, so a model form does not replace the message with "Enter a valid URL.".
http_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
    code="url_scheme",
)

recommendation_code_validator = RegexValidator(
    r"^[0-9A-Za-z]+(?:[.\-/][0-9A-Za-z]+)*$",
    _("Use letters and digits, separated by dots, hyphens or slashes, e.g. '4.4.B'."),
)


class DocumentType(models.TextChoices):
    ADVICE = "advies", _("Advice")
    GOVERNMENT_RESPONSE = "kabinetsreactie", _("Government response")
    PROGRESS_REPORT = "voortgangsrapportage", _("Progress report")
    POLICY_PAPER = "policy-paper", _("Policy paper")
    RESEARCH_REPORT = "onderzoeksrapport", _("Research report")
    GUIDE = "handreiking", _("Guide")


class Urgency(models.TextChoices):
    """GRETA's wording: it urges, considers or invites a state to act."""

    URGE = "urge", _("Urges")
    CONSIDER = "consider", _("Considers")
    INVITE = "invite", _("Invites")


class GovernmentResponse(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY = "partly", _("Partly accepted")
    NOT_ACCEPTED = "not-accepted", _("Not accepted")
    NONE_YET = "none-yet", _("No response yet")


class ProgressStatus(models.TextChoices):
    """Implementation status words that fit the Dutch progress reports, in their usual order."""

    NOT_STARTED = "not-started", _("Not started")
    EXPLORING = "exploring", _("Exploring")
    BILL_IN_PREPARATION = "bill-in-preparation", _("Bill in preparation")
    SUBMITTED = "submitted", _("Submitted")
    ADOPTED = "adopted", _("Adopted")
    IN_FORCE = "in-force", _("In force")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_ADOPTED = "not-adopted", _("Not adopted")
