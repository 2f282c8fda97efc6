"""What consent means for publishing: no story without it, offline everywhere when it ends.

- Publishing a story that needs consent (``needs_consent()``) without a valid record, or in a
  language the consent does not cover, is refused on every path: the admin form and bulk action
  (``publish_problems``), ``revision.publish()`` (workflows, scheduled publishing, API v3) and API
  v3's publish action, through the publishing rules of comensha_content.core.publishing.
- Withdrawal, a passed review date or a language taken out of the scope unpublishes the story's
  pages at once, with an audit-log entry saying why: when the record is saved, and on the first
  request on or after the day it takes effect (``sweep`` on Django's ``request_started``, so no
  cron job is needed; it costs one cache read per request). Each story page also refuses to be
  served, and API v2 leaves out stories whose consent excludes the API.
- The live pages' ``expire_at`` is bounded by the review date, so Wagtail's ``publish_scheduled``
  is a backup; an editor's earlier expiry date is kept.
"""

import datetime
import logging

from django.contrib import messages
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.actions.unpublish_page import UnpublishPageAction

from comensha_content.core.publishing import (  # noqa: F401  (PublishRefused: its former home)
    PublishRefused,
    PublishRulesMixin,
    refuse_publish,
)
from comensha_content.safety.consent import (
    Channel,
    ConsentStatus,
    StoryConsent,
    consent_for,
    consent_subject_pages,
    review_end,
    story_pages,
)

logger = logging.getLogger(__name__)

#: Audit-log action of a page taken offline because of its consent.
OFFLINE_ACTION = "comensha_content.consent_offline"
#: Audit-log action of a scheduled publication refused for lack of consent.
REFUSED_ACTION = "comensha_content.consent_publish_refused"
#: Cache key holding the next day on which a consent takes effect (see ``sweep``).
NEXT_SWEEP_KEY = "comensha_content:consent:next-sweep"

CHANNEL_FIELDS = {Channel.WEB: "on_web", Channel.PRINT: "in_print", Channel.API: "via_api"}


def consent_problems(page, day=None):
    """Why ``page`` may not be published as far as consent goes (empty when it may)."""
    if not getattr(page, "consent_subject", False):
        return []
    day = day or timezone.localdate()
    record = consent_for(page)
    if record is None:
        if page.needs_consent():
            return [
                _(
                    "This story is told by a victim or holds a testimony: it can only be "
                    "published once a consent officer has recorded valid consent."
                )
            ]
        return []
    status = record.status(day)
    if status == ConsentStatus.WITHDRAWN:
        return [_("Consent for this story was withdrawn: it cannot be published.")]
    if status == ConsentStatus.LAPSED:
        return [
            _(
                "The consent for this story is not valid today (review date %(date)s): a "
                "consent officer must review it before the story can be published."
            )
            % {"date": record.review_date.isoformat()}
        ]
    if not record.covers(page.locale_id, Channel.WEB):
        return [_("The consent for this story does not cover publishing it in this language.")]
    return []


def may_be_shown(page, channel=Channel.WEB, day=None):
    """Whether a live story page may be shown in ``channel`` today (serve-time check)."""
    allowed = StoryConsent.objects.online_on(day or timezone.localdate()).filter(
        pk=OuterRef("pk"), scope_locales=page.locale_id, **{CHANNEL_FIELDS[Channel(channel)]: True}
    )
    # One query: the story's record (translation keys are unique), and whether it allows this.
    answers = list(
        StoryConsent.objects.filter(translation_key=page.translation_key)
        .annotate(allowed=Exists(allowed))
        .values_list("allowed", flat=True)
    )
    # A story nobody recorded consent for stays as it is: publishing it was refused if it
    # needed consent; stories published before this release are on the officers' report.
    return not answers or any(answers)


def exclude_not_consented(queryset, channel, day=None):
    """``queryset`` of pages without the story pages whose consent excludes ``channel``."""
    day = day or timezone.localdate()
    recorded = StoryConsent.objects.filter(translation_key=OuterRef("translation_key"))
    allowed = recorded.online_on(day).filter(
        scope_locales=OuterRef("locale_id"), **{CHANNEL_FIELDS[Channel(channel)]: True}
    )
    hidden = consent_subject_pages().filter(Exists(recorded)).exclude(Exists(allowed))
    # pk__in, not Exists() on ``queryset`` itself: Wagtail's search backends parse its filters.
    return queryset.exclude(pk__in=hidden.values("pk"))


# -- taking stories offline --------------------------------------------------------------------
def take_offline(record, day=None, user=None):
    """Unpublish the live pages ``record`` no longer allows on the web; returns how many."""
    day = day or timezone.localdate()
    count = 0
    for page in story_pages(record.translation_key).live():
        if record.allows(page.locale_id, Channel.WEB, day):
            continue
        # The consent officer need not have page permissions: consent decides, not the editor.
        UnpublishPageAction(page, user=user, log_action=OFFLINE_ACTION).execute(
            skip_permission_checks=True
        )
        count += 1
    return count


def bound_expiry(record, previous_review_date=None):
    """Let Wagtail's scheduled unpublishing expire the live pages at the review date too.

    An editor's earlier expiry date is kept; an expiry the previous review date set moves with
    a renewed review date.
    """
    end = review_end(record.review_date)
    previous_end = review_end(previous_review_date) if previous_review_date else None
    for page in story_pages(record.translation_key).live():
        current = page.expire_at
        if current is None or current > end or (previous_end and current == previous_end):
            type(page).objects.filter(pk=page.pk).update(expire_at=end)


def apply_consent(record, previous_review_date=None, user=None):
    """After a record and its languages are saved: offline what it no longer allows, bound
    the rest's expiry. The admin views call it; code that saves records calls it too (a saved
    record only clears the sweep's cache, so the next request would catch up)."""
    take_offline(record, user=user)
    bound_expiry(record, previous_review_date)
    cache.delete(NEXT_SWEEP_KEY)


def forget_next_sweep(**kwargs):
    """Signal receiver: a record changed, so the next request sweeps all stories again."""
    cache.delete(NEXT_SWEEP_KEY)


def next_sweep_day(records, day):
    """The next day on which one of ``records`` takes a story offline (None: none ahead)."""
    days = []
    first_review = records.filter(review_date__gte=day).order_by("review_date").first()
    if first_review:
        days.append(first_review.review_date + datetime.timedelta(days=1))
    first_withdrawal = records.filter(withdrawn_on__gt=day).order_by("withdrawn_on").first()
    if first_withdrawal:
        days.append(first_withdrawal.withdrawn_on)
    return min(days) if days else None


def sweep(day=None):
    """Take offline every live story its consent no longer allows; cheap until that is due.

    The next day a consent takes effect is kept in the cache, so a request costs one cache read
    until that day comes or a record changes; then every record with live pages is checked.
    """
    day = day or timezone.localdate()
    next_day = cache.get(NEXT_SWEEP_KEY)
    if next_day is not None and (next_day == "never" or day < next_day):
        return 0
    live = consent_subject_pages().live().filter(translation_key=OuterRef("translation_key"))
    records = StoryConsent.objects.filter(Exists(live))
    count = sum(take_offline(record, day) for record in records)
    cache.set(NEXT_SWEEP_KEY, next_sweep_day(records, day) or "never", timeout=24 * 60 * 60)
    return count


def sweep_on_request(sender, **kwargs):
    """``request_started`` receiver: a failing sweep must not take the site down (logged)."""
    try:
        sweep()
    except DatabaseError:
        logger.exception("consent sweep failed")


# -- the page side -----------------------------------------------------------------------------
class ConsentSubjectMixin(PublishRulesMixin):
    """For page types that tell a person's story; list it before the page base class.

    The page type says in ``needs_consent()`` when a page must have valid consent to be
    published. Consent is one of its publishing rules (comensha_content.core.publishing), so
    publishing is refused without it on every path; serving, the sitemap and API v2 honour
    withdrawal, review date and scope.
    """

    consent_subject = True

    def needs_consent(self):
        return True

    def publish_problems(self):
        return [*super().publish_problems(), *consent_problems(self)]

    def publish(self, revision, *args, log_action=True, **kwargs):
        # Consent first, so that a refused scheduled publication is logged as a consent matter.
        problems = consent_problems(revision.as_object())
        if refuse_publish(self, revision, problems, log_action, REFUSED_ACTION):
            return None
        result = super().publish(revision, *args, log_action=log_action, **kwargs)
        record = consent_for(self)
        if record:
            bound_expiry(record)
        return result

    def copy(self, *args, keep_live=True, **kwargs):
        # A copy is a new story without consent: one that needs consent is copied as a draft.
        if self.needs_consent():
            keep_live = False
        return super().copy(*args, keep_live=keep_live, **kwargs)

    def serve(self, request, *args, **kwargs):
        if not may_be_shown(self, Channel.WEB):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        if not may_be_shown(self, Channel.WEB):
            return []
        return super().get_sitemap_urls(request)


def refuse_publish_in_admin(request, page):
    """``before_publish_page`` hook: the edit and create views save a draft but do not publish."""
    problems = consent_problems(page)
    if not problems:
        return None
    if page.live and not page.live_revision_id:  # the create view adds a new page as live
        type(page).objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
    messages.error(
        request,
        _("Your changes were saved as a draft, but the story was not published. %(problems)s")
        % {"problems": " ".join(problems)},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def unpublish_live_copy(request, page, new_page):
    """``after_copy_page`` hook: "publish copies" leaves a story that needs consent a draft."""
    copy = new_page.specific
    if getattr(copy, "consent_subject", False) and copy.live and consent_problems(copy):
        UnpublishPageAction(copy, user=request.user, log_action=OFFLINE_ACTION).execute(
            skip_permission_checks=True
        )
        messages.warning(
            request,
            _("The copy of the story is a draft: a copy carries no consent. %(problems)s")
            % {"problems": " ".join(consent_problems(copy))},
        )


def register_log_actions(actions):
    """``register_log_actions`` hook: the audit log says why a story went offline."""
    actions.register_action(
        OFFLINE_ACTION,
        gettext_lazy("Take offline for consent"),
        gettext_lazy(
            "Taken offline: consent withdrawn, review date passed or language not covered"
        ),
    )
    actions.register_action(
        REFUSED_ACTION,
        gettext_lazy("Refuse publishing for consent"),
        gettext_lazy("Scheduled publishing refused: no valid consent"),
    )
