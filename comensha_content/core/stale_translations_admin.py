"""Out-of-date translations in the admin: after publishing, in listings, edit headers, a report.

The editor who publishes a translated page or saves a translated snippet is told at once what
happened to each translation (updated, or taken offline) and offered wagtail-localize's "Update
translations" (machine translation, publishing) and the translation editor. Translations whose
source gained texts they lack are flagged in the page listing, in the translation's edit view
and in the "Out-of-date translations" report (``translation_status`` says what out of date is).
"""

from django.contrib import messages as django_messages
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, OuterRef
from django.urls import path, reverse
from django.utils.translation import gettext, gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.models import PageLogEntry
from wagtail_localize.models import get_edit_url
from wagtail_localize.views.report import TranslationsReportView

from comensha_content.core.locales import language_name
from comensha_content.core.translation_status import (
    out_of_date_translations,
    stale_translations_of,
    translation_states,
)
from comensha_content.core.translation_sync import (
    OFFLINE,
    OFFLINE_ACTION,
    UPDATED,
    TranslationRefresh,
    source_of,
    sync_translations,
)


def _language(locale):
    return language_name(locale.language_code)


def _outcome_text(refresh, states):
    state = states.get(refresh.translation.pk)
    waiting = state.total_segments - state.translated_segments if state else 0
    values = {"language": _language(refresh.translation.target_locale), "count": waiting}
    if refresh.outcome == UPDATED:
        text = gettext(
            "Translation (%(language)s) updated with this version: what you removed is gone "
            "from it."
        )
        if waiting:
            text += " " + ngettext(
                "%(count)s text is shown untranslated until it is translated.",
                "%(count)s texts are shown untranslated until they are translated.",
                waiting,
            )
        return text % values
    if refresh.outcome == OFFLINE:
        return (
            gettext(
                "Translation (%(language)s) could not follow this version and was taken offline "
                "until it is updated."
            )
            % values
        )
    return None


def announce_refreshes(request, instance, refreshes):
    """One message after publishing: what each translation shows now, and what to do next."""
    if not refreshes:
        return
    states = {state.translation.pk: state for state in translation_states(instance)}
    texts = [text for refresh in refreshes if (text := _outcome_text(refresh, states))]
    if not texts:
        return
    source = refreshes[0].translation.source
    buttons = [
        messages.button(
            reverse("wagtail_localize:update_translations", args=[source.pk])
            + f"?next={request.path}",
            gettext("Update translations"),
        )
    ]
    for refresh in refreshes:
        if refresh.target is not None:
            buttons.append(
                messages.button(
                    get_edit_url(refresh.target),
                    gettext("Translate into %(language)s")
                    % {"language": _language(refresh.translation.target_locale)},
                )
            )
    messages.success(request, " ".join(texts), buttons=buttons)


@hooks.register("after_publish_page")
def offer_update_after_publish(request, page):
    """The translations were synchronised by ``page_published``; say what happened."""
    source = source_of(page)
    if source is None:
        return
    refreshes = []
    for translation in source.translations.filter(enabled=True).select_related(
        "target_locale", "source"
    ):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:  # a deleted target has nothing to announce
            continue
        if getattr(target, "live", True):
            outcome = UPDATED
        elif _was_taken_offline(target):
            outcome = OFFLINE
        else:
            continue
        refreshes.append(TranslationRefresh(translation, target, outcome))
    announce_refreshes(request, page, refreshes)


def _was_taken_offline(target):
    latest = PageLogEntry.objects.filter(page_id=target.pk).order_by("-timestamp", "-pk").first()
    return latest is not None and latest.action == OFFLINE_ACTION


@hooks.register("after_edit_snippet")
def sync_after_snippet_edit(request, instance):
    """Snippets have no publish signal here: an admin save of a source is its publication."""
    if not hasattr(instance, "translation_key"):
        return
    announce_refreshes(request, instance, sync_translations(instance, user=request.user))


# -- the translation's edit view -----------------------------------------------------------------
def warn_if_out_of_date(request, instance):
    """On the edit view of an out-of-date translation: since when, and what to do."""
    if request.method != "GET":
        return
    for state in translation_states(instance):
        if state.locale.pk == instance.locale_id and state.out_of_date_since:
            django_messages.warning(
                request,
                gettext(
                    "This translation is out of date: its source (%(source)s) was published on "
                    "%(date)s with texts that are not translated yet (%(percent)s%% translated)."
                )
                % {
                    "source": _language(state.translation.source.locale),
                    "date": state.out_of_date_since.strftime("%Y-%m-%d %H:%M"),
                    "percent": state.percent_translated,
                },
            )


# Before wagtail-localize's hook, which answers with its translation editor.
hooks.register("before_edit_page", warn_if_out_of_date, order=-10)
hooks.register("before_edit_snippet", warn_if_out_of_date, order=-10)


# -- page listing ---------------------------------------------------------------------------------
@hooks.register("construct_explorer_page_queryset")
def annotate_stale_translations(parent_page, pages, request):
    """One EXISTS per listed page, in the listing's own query."""
    return pages.annotate(
        cc_translation_out_of_date=Exists(stale_translations_of(OuterRef("translation_key")))
    )


@hooks.register("register_page_listing_buttons")
def out_of_date_listing_flag(page, user, next_url=None, **kwargs):
    if getattr(page, "cc_translation_out_of_date", False):
        yield ListingButton(
            gettext("Translation out of date"),
            reverse("comensha_out_of_date_translations"),
            priority=1,
            attrs={"data-cc-translation-out-of-date": "true"},
        )


# -- the report -----------------------------------------------------------------------------------
class OutOfDateTranslationsReportView(TranslationsReportView):
    """wagtail-localize's translations report, limited to out-of-date translations."""

    template_name = "comensha_content/core/out_of_date_translations_report.html"
    results_template_name = "comensha_content/core/out_of_date_translations_results.html"
    index_url_name = "comensha_out_of_date_translations"
    index_results_url_name = "comensha_out_of_date_translations_results"
    page_title = gettext_lazy("Out-of-date translations")

    def get_queryset(self):
        return out_of_date_translations()


@hooks.register("register_admin_urls")
def register_out_of_date_report_urls():
    return [
        path(
            "reports/out-of-date-translations/",
            OutOfDateTranslationsReportView.as_view(),
            name="comensha_out_of_date_translations",
        ),
        path(
            "reports/out-of-date-translations/results/",
            OutOfDateTranslationsReportView.as_view(results_only=True),
            name="comensha_out_of_date_translations_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def out_of_date_report_menu_item():
    return MenuItem(
        gettext_lazy("Out-of-date translations"),
        reverse("comensha_out_of_date_translations"),
        icon_name="site",
        order=9001,
    )


@hooks.register("register_log_actions")
def register_offline_log_action(actions):
    actions.register_action(
        OFFLINE_ACTION,
        gettext_lazy("Take translation offline"),
        gettext_lazy("Taken offline: it could not follow the published source"),
    )
