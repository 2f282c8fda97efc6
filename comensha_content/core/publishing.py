"""Rules a page must meet to go live, on every path that makes it live.

Page types state such rules in ``publish_problems()`` (a story's hero image needs a text
alternative; consent, in comensha_content.safety). The admin form refuses them with a field
error; this module refuses every other path:

- Wagtail's bulk "Publish" publishes each page's latest revision without the page's edit form:
  the ``before_bulk_action`` hook checks every page the action would publish and, when one
  fails, publishes nothing and tells the editor which pages and why.
- ``revision.publish()`` (workflows, translations, code) raises ``PublishRefused``
  (``PublishRulesMixin``); Wagtail's ``publish_scheduled`` goes on with the other pages and the
  page's history says why it was not published.
- API v3's publish action (Wagtail 8's action registry) answers 422 with the reason.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import Page

try:
    from wagtail.actions.registry import action_registry  # noqa: F401  (Wagtail 8)

    HAS_ACTION_REGISTRY = True
except ImportError:  # Wagtail 7.4: no API v3
    HAS_ACTION_REGISTRY = False

#: Audit-log action of a scheduled publication refused by the page type's rules.
REFUSED_ACTION = "comensha_content.publish_refused"
#: The ``log_action`` Wagtail's ``publish_scheduled`` command publishes with.
SCHEDULED = "wagtail.publish.scheduled"


class PublishRefused(ValidationError, PermissionDenied):
    """Raised when a page may not be published.

    A ValidationError for APIs and code (API v3 answers 422 with the message), and a
    PermissionDenied for admin views that do not expect a ValidationError (a workflow's final
    approval is then refused and rolled back instead of ending in a server error).
    """


def rule_problems(candidate):
    """The page type's own reasons (``publish_problems()``) why ``candidate`` may not go live."""
    check = getattr(candidate, "publish_problems", None)
    return [str(problem) for problem in check()] if check else []


def refusal(candidate, problems):
    """``PublishRefused`` for ``problems``, on the page type's field when it names one."""
    field = getattr(candidate, "publish_problems_field", None)
    return PublishRefused({field: problems} if field else problems)


def refuse_publish(page, revision, problems, log_action, action=REFUSED_ACTION):
    """Refuse to publish ``revision`` when there are ``problems``; False when there are none.

    ``publish_scheduled`` must go on with the other pages: the revision leaves the schedule and
    ``page``'s history says why (True). Any other caller gets ``PublishRefused``.
    """
    if not problems:
        return False
    if log_action != SCHEDULED:
        raise refusal(page, problems)
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])
    log(instance=page, action=action, data={"reason": problems[0]})
    return True


class PublishRulesMixin:
    """For page types with ``publish_problems()``; list it before the page base class."""

    #: The form field the rules are about, if one (API v3's 422 and ``message_dict`` name it).
    publish_problems_field = None

    def publish_problems(self):
        """Why this page may not be published (empty when it may); extended by subclasses."""
        return []

    def publish(self, revision, *args, log_action=True, **kwargs):
        if refuse_publish(self, revision, rule_problems(revision.as_object()), log_action):
            return None
        return super().publish(revision, *args, log_action=log_action, **kwargs)


def publish_problems(page):
    """Why ``page``'s latest revision may not be published (empty when it may).

    The page type's own rules, and whatever the model validation that publishing runs
    (``Page.save()`` → ``full_clean()``) would refuse.
    """
    revision = page.get_latest_revision()
    candidate = revision.as_object() if revision else page.specific
    problems = rule_problems(candidate)
    try:
        candidate.full_clean()
    except ValidationError as error:
        problems.extend(message for message in error.messages if message not in problems)
    return problems


def pages_to_publish(objects, include_descendants):
    """The pages a bulk publish would publish: the chosen ones, and their drafts below."""
    for page in objects:
        yield page
        if include_descendants:
            yield from page.get_descendants().not_live().defer_streamfields().iterator()


def refuse_invalid_bulk_publish(request, action_type, objects, action):
    """``before_bulk_action`` hook: nothing is published when any page may not be."""
    if action_type != "publish" or not issubclass(action.model, Page):
        return None
    form = getattr(action, "cleaned_form", None)
    include_descendants = bool(form and form.cleaned_data.get("include_descendants"))
    refused = []
    for page in pages_to_publish(objects, include_descendants):
        problems = publish_problems(page)
        if problems:
            refused.append(f"‘{page.get_admin_display_title()}’: {' '.join(problems)}")
    if not refused:
        return None
    messages.error(
        request,
        _("Nothing was published. These pages cannot be published yet: %(pages)s")
        % {"pages": "; ".join(refused)},
    )
    return redirect(action.next_url)


def register_publish_action(registry):
    """``register_actions`` hook (Wagtail 8): API v3's publish action checks the rules too."""
    from wagtail.actions.publish_page_revision import PublishPageRevisionAction

    class RuleCheckedPublishPageRevisionAction(PublishPageRevisionAction):
        def check(self, skip_permission_checks=False):
            super().check(skip_permission_checks)
            problems = rule_problems(self.object)
            if problems:
                raise refusal(self.object, problems)

    registry.register(Page, RuleCheckedPublishPageRevisionAction)


def register_log_actions(actions):
    """``register_log_actions`` hook: the page's history says why it was not published."""
    actions.register_action(
        REFUSED_ACTION,
        gettext_lazy("Refuse publishing"),
        gettext_lazy("Scheduled publishing refused: the page does not meet its publishing rules"),
    )
