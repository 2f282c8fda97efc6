"""Removals and redactions reach every language as soon as the source is published.

When an editor removes an identifying detail from a Dutch story and publishes, the English story
must not go on showing it. On every publish of a source page (and every admin save of a source
snippet) this module does what wagtail-localize's "Update translations" with "Publish
immediately" does, at once: it synchronises the translation source from the published object
(``TranslationSource.update_from_db``) and republishes each *live* translation from it. Every
English text whose Dutch text is unchanged is kept; a removed block or text disappears; a changed
Dutch text has no English translation yet (wagtail-localize keys translations on the source
text), so the English page shows the new Dutch text, with the reader notice, never the old
English one.

When a translation cannot be republished (the story's consent does not cover the language, a
validation error) it is taken offline instead: nothing stale stays live. Drafts are left alone;
readers do not see them, and wagtail-localize's editor builds them from the synchronised source.
"""

import logging
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from wagtail.actions.unpublish import UnpublishAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import TranslationSource

logger = logging.getLogger(__name__)

OFFLINE_ACTION = "comensha_content.translation_offline"

UPDATED = "updated"  # the live translation now shows the published source's content
OFFLINE = "offline"  # it could not be republished and was taken offline
DRAFT = "draft"  # not live: nothing for readers to see
FAILED = "failed"  # a snippet without draft state that could not be saved (logged)


@dataclass(frozen=True)
class TranslationRefresh:
    translation: object
    target: object
    outcome: str


def source_of(instance):
    """The wagtail-localize source ``instance`` is, or None when nothing translates it."""
    return TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()


def sync_translations(instance, user=None):
    """Synchronise ``instance``'s translation source and republish its live translations.

    Returns one ``TranslationRefresh`` per enabled translation (empty when ``instance`` is not a
    translation source).
    """
    source = source_of(instance)
    if source is None:
        return []
    translations = source.translations.filter(enabled=True).select_related(
        "target_locale", "source"
    )
    try:
        source.update_from_db()  # atomic: nothing half-synchronised stays behind
    except Exception:
        # Publishing the source must go on; a translation that cannot follow goes offline.
        logger.exception("translation source %s could not be synchronised", source.pk)
        return [offline_translation(translation, user) for translation in translations]
    return [refresh_translation(translation, user) for translation in translations]


def offline_translation(translation, user=None):
    """Take a live translation offline (a draft stays a draft)."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return TranslationRefresh(translation, None, DRAFT)
    if isinstance(target, DraftStateMixin) and not target.live:
        return TranslationRefresh(translation, target, DRAFT)
    return TranslationRefresh(translation, target, take_offline(target, user))


def refresh_translation(translation, user=None):
    """Republish one translation from its (synchronised) source, or take it offline."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return TranslationRefresh(translation, None, DRAFT)
    if isinstance(target, DraftStateMixin) and not target.live:
        return TranslationRefresh(translation, target, DRAFT)
    try:
        with transaction.atomic():
            if isinstance(target, DraftStateMixin):
                # wagtail-localize would publish on commit, from an object loaded now; publish
                # the new revision at once instead (see core.translation.translate_instance).
                translation.save_target(user=user, publish=False)
                target = translation.get_target_instance()
                # Publishing the source was authorised (by a publisher or a workflow's approval);
                # its translations follow it. Consent is still checked by the page's publish().
                target.get_latest_revision().publish(user=user, skip_permission_checks=True)
            else:
                translation.save_target(user=user, publish=True)
    except (ValidationError, PermissionDenied) as error:
        # PublishRefused (consent) is both; either way the old text must not stay live.
        logger.warning("translation %s not republished: %s", translation.pk, error)
        return TranslationRefresh(translation, target, take_offline(target, user))
    except Exception:
        logger.exception("translation %s could not be rebuilt from its source", translation.pk)
        return TranslationRefresh(translation, target, take_offline(target, user))
    return TranslationRefresh(translation, translation.get_target_instance(), UPDATED)


def take_offline(target, user=None):
    """Unpublish a translation that could not follow its source."""
    target.refresh_from_db()
    if isinstance(target, Page):
        UnpublishPageAction(target, user=user, log_action=OFFLINE_ACTION).execute(
            skip_permission_checks=True
        )
        return OFFLINE
    if isinstance(target, DraftStateMixin):
        UnpublishAction(target, user=user, log_action=OFFLINE_ACTION).execute(
            skip_permission_checks=True
        )
        return OFFLINE
    logger.error("translation of %r could not be updated and cannot go offline", target)
    return FAILED


def sync_on_page_published(sender, instance, revision=None, **kwargs):
    """``page_published`` receiver: every publishing path (admin, workflow, schedule, API)."""
    sync_translations(instance, user=getattr(revision, "user", None))


def connect_signal_handlers():
    from wagtail.signals import page_published

    page_published.connect(sync_on_page_published, dispatch_uid="comensha_translation_sync")
