"""Consent of the people in stories: its own record, outside pages, revisions and translations.

A story is published because a person agreed to it, on terms that can change or end. That is
data about a person, not page content, so it is one ``StoryConsent`` row per story keyed on the
story's ``translation_key``: it covers every language of the story, is never copied into a page
revision, a translation source, a page copy or an alias, and is edited in its own admin view
behind dedicated permissions (view/add/change/delete consent) that Wagtail's Editors and
Moderators groups do not get. Editors see only a status (valid until …, review due, withdrawn,
missing). What the status means for publishing is in ``comensha_content.safety.consent_lifecycle``.

Page types whose pages tell a person's story set ``consent_subject = True`` and say in
``needs_consent()`` whether a page must have a valid consent record to be published.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

#: A review of consent is due at most this many years after consent was given.
MAX_CONSENT_YEARS = 3
#: The consent officers' reminders list reviews due within this many days.
REVIEW_NOTICE_DAYS = 60


class Channel(models.TextChoices):
    """Where a story may appear; stored as one boolean per channel on the record."""

    WEB = "web", _("Website")
    PRINT = "print", _("Print")
    API = "api", _("API and partners")


class ConsentStatus(models.TextChoices):
    """What an editor may know about a story's consent: never its scope or notes."""

    VALID = "valid", _("Valid")
    REVIEW_DUE = "review_due", _("Review due")
    LAPSED = "lapsed", _("Review date passed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    MISSING = "missing", _("Missing")


#: Statuses under which a story may be online.
ONLINE_STATUSES = frozenset({ConsentStatus.VALID, ConsentStatus.REVIEW_DUE})


def add_years(day, years):
    """The same day ``years`` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def consent_subject_models():
    """Page models whose pages tell a person's story (``consent_subject = True``)."""
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if getattr(model, "consent_subject", False)]


def consent_subject_pages():
    """Pages of the consent-subject page types (not specific)."""
    return Page.objects.type(*consent_subject_models())


def story_pages(translation_key):
    """Every language version of the story with this translation key (specific pages)."""
    return consent_subject_pages().filter(translation_key=translation_key).specific()


class StoryConsentQuerySet(models.QuerySet):
    def online_on(self, day):
        """Records under which their stories may be online on ``day``."""
        return self.filter(consent_date__lte=day, review_date__gte=day).exclude(
            withdrawn_on__lte=day
        )

    def offline_on(self, day):
        """Records that take their stories offline on ``day``: withdrawn or review passed."""
        return self.filter(models.Q(review_date__lt=day) | models.Q(withdrawn_on__lte=day))

    def reviews_due(self, day, days=REVIEW_NOTICE_DAYS):
        """Not withdrawn; review passed or due within ``days`` days, soonest first."""
        return (
            self.filter(review_date__lte=day + datetime.timedelta(days=days))
            .exclude(withdrawn_on__lte=day)
            .order_by("review_date", "pk")
        )


class StoryConsent(models.Model):
    """Written consent of the person in a story. Internal: never published, exported or copied."""

    translation_key = models.UUIDField(
        _("story"),
        unique=True,
        help_text=_("The story in all its languages (its translation key)."),
    )
    consent_date = models.DateField(_("consent given on"))
    review_date = models.DateField(
        _("review consent on"),
        help_text=_(
            "At most three years after consent. When this date has passed, the story and all "
            "its translations go offline."
        ),
    )
    withdrawn_on = models.DateField(
        _("consent withdrawn on"),
        null=True,
        blank=True,
        help_text=_("From this day the story and all its translations are offline."),
    )
    scope_locales = models.ManyToManyField(
        Locale,
        verbose_name=_("languages"),
        related_name="+",
        help_text=_("The languages the story may be published in."),
    )
    on_web = models.BooleanField(_("on the website"), default=True)
    in_print = models.BooleanField(_("in print"), default=False)
    via_api = models.BooleanField(
        _("through the API and partners"),
        default=False,
        help_text=_("Front ends and partner sites that read the content API."),
    )
    internal_notes = models.TextField(
        _("internal notes"),
        blank=True,
        help_text=_("Only consent officers see these notes. They are not in the audit log."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = StoryConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("story consent")
        verbose_name_plural = _("story consents")

    def __str__(self):
        # Shown in the audit log and admin lists: the story's title, never scope or notes.
        story = self.source_story()
        return str(story.title) if story else str(self._meta.verbose_name)

    # -- the story it covers -----------------------------------------------------------------
    def stories(self):
        return story_pages(self.translation_key)

    def source_story(self):
        """The story in the default language, else in any language (None if none exists)."""
        pages = list(self.stories())
        default = Locale.get_default()
        return next((page for page in pages if page.locale_id == default.pk), None) or (
            pages[0] if pages else None
        )

    # -- validity ----------------------------------------------------------------------------
    def status(self, day=None):
        day = day or timezone.localdate()
        if self.withdrawn_on and self.withdrawn_on <= day:
            return ConsentStatus.WITHDRAWN
        if self.review_date < day or self.consent_date > day:
            return ConsentStatus.LAPSED
        if self.review_date <= day + datetime.timedelta(days=REVIEW_NOTICE_DAYS):
            return ConsentStatus.REVIEW_DUE
        return ConsentStatus.VALID

    def covers(self, locale_id, channel=Channel.WEB):
        """Whether the scope includes this language and channel (dates aside)."""
        in_channel = {
            Channel.WEB: self.on_web,
            Channel.PRINT: self.in_print,
            Channel.API: self.via_api,
        }[Channel(channel)]
        return in_channel and self.scope_locales.filter(pk=locale_id).exists()

    def allows(self, locale_id, channel=Channel.WEB, day=None):
        """Whether a story in this language may be shown in ``channel`` on ``day``."""
        return self.status(day) in ONLINE_STATUSES and self.covers(locale_id, channel)

    def clean(self):
        super().clean()
        errors = {}
        if self.consent_date and self.review_date:
            latest = add_years(self.consent_date, MAX_CONSENT_YEARS)
            if self.review_date <= self.consent_date:
                errors["review_date"] = _(
                    "The review date must come after the date consent was given."
                )
            elif self.review_date > latest:
                errors["review_date"] = _(
                    "Consent must be reviewed within three years: on %(latest)s at the latest."
                ) % {"latest": latest.isoformat()}
        if self.withdrawn_on and self.consent_date and self.withdrawn_on < self.consent_date:
            errors["withdrawn_on"] = _("Consent cannot be withdrawn before it was given.")
        if self.translation_key and not self.stories().exists():
            errors["translation_key"] = _(
                "Consent can only be recorded for a story (a page that tells a person's story)."
            )
        if errors:
            raise ValidationError(errors)


def consent_for(page):
    """The consent record of ``page``'s story, or None."""
    return StoryConsent.objects.filter(translation_key=page.translation_key).first()


def consent_status(page, day=None):
    """The status an editor may see for ``page``: a ConsentStatus, MISSING when no record."""
    record = consent_for(page)
    return record.status(day) if record else ConsentStatus.MISSING


def review_end(review_date):
    """The moment a story goes offline for a passed review date (the day after it, 00:00)."""
    day = review_date + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
