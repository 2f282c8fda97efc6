"""The consent status on a story's edit view: what editors may know, and no more.

A panel without form fields: Wagtail's revision compare view renders no comparison for it, so
the page's history shows nothing of the consent either.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from comensha_content.safety.consent import ConsentStatus, consent_for

STATUS_MESSAGES = {
    ConsentStatus.VALID: _("Consent is valid until %(date)s."),
    ConsentStatus.REVIEW_DUE: _("Consent review is due on %(date)s."),
    ConsentStatus.LAPSED: _("The consent review date (%(date)s) has passed: the story is offline."),
    ConsentStatus.WITHDRAWN: _("Consent was withdrawn: the story is offline."),
    ConsentStatus.MISSING: _("No consent has been recorded for this story."),
}


def consent_status_summary(page, user):
    """Status, message and (for consent officers) the link to the record; nothing else."""
    record = consent_for(page) if page.pk else None
    status = record.status() if record else ConsentStatus.MISSING
    message = STATUS_MESSAGES[status] % {"date": record.review_date.isoformat() if record else ""}
    link = None
    if record and user.has_perm("comensha_content.change_storyconsent"):
        link = reverse("story_consent:edit", args=[record.pk])
    elif not record and page.pk and user.has_perm("comensha_content.add_storyconsent"):
        link = reverse("story_consent:add") + f"?story={page.pk}"
    return {"status": status, "message": message, "link": link}


class ConsentStatusPanel(Panel):
    """The consent status of the story, for everyone who edits it. No form fields."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "comensha_content/safety/consent_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["consent"] = consent_status_summary(self.instance, self.request.user)
            return context
