"""Bulk publishing in the admin refuses pages that may not be published, with a message.

Wagtail's bulk "Publish" publishes each page's latest revision without the page's edit form, so
a rule the form enforces (an instrument needs a legal basis) would end as a server error while
the other pages were being published. Page types state such rules in ``publish_problems()``;
the ``before_bulk_action`` hook checks every page the action would publish and, when one fails,
publishes nothing and tells the editor which pages and why.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page


def publish_problems(page):
    """Why ``page``'s latest revision may not be published (empty when it may).

    The page type's own rules, and whatever the model validation that publishing runs
    (``Page.save()`` → ``full_clean()``) would refuse.
    """
    revision = page.get_latest_revision()
    candidate = revision.as_object() if revision else page.specific
    check = getattr(candidate, "publish_problems", None)
    problems = [str(problem) for problem in check()] if check else []
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
