"""Translate an object through wagtail-localize's own workflow, from a catalog of strings.

This is what a translator does when they upload a PO file in wagtail-localize's editor: the source
is segmented by wagtail-localize, every segment gets its translation, and wagtail-localize builds
the target page or snippet. The example's demo loader and the tests use it, so translations are
real wagtail-localize translations, never copied pages.
"""

from collections.abc import Mapping

from django.db import transaction
from wagtail.models import DraftStateMixin
from wagtail_localize.models import Translation, TranslationSource


class MissingSegmentTranslations(ValueError):
    """Raised when the catalog lacks a translation for some source segments."""

    def __init__(self, instance, missing):
        self.missing = missing
        listed = "\n".join(f"  - {text!r}" for text in missing)
        super().__init__(f"No translation for {len(missing)} segment(s) of {instance!r}:\n{listed}")


@transaction.atomic
def translate_instance(instance, target_locale, catalog, *, user=None, publish=True, strict=True):
    """Translate ``instance`` into ``target_locale`` with ``catalog`` (source text -> translation).

    ``catalog`` may also be a callable taking the source text. With ``strict`` every segment must
    be translated; otherwise untranslated segments fall back to the source text, as
    wagtail-localize does. Returns the translated instance.
    """
    lookup = catalog.get if isinstance(catalog, Mapping) else catalog
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=target_locale
    )
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        translated = lookup(entry.msgid)
        if translated:
            entry.msgstr = translated
        elif not entry.msgstr:  # a name pre-filled with the source text counts as translated
            missing.append(entry.msgid)
    if missing and strict:
        raise MissingSegmentTranslations(instance, missing)
    translation.import_po(po, user=user, tool_name="comensha_content.core.translation")
    if isinstance(instance, DraftStateMixin):
        # wagtail-localize publishes in transaction.on_commit, from a page object loaded now: in a
        # longer transaction that adds children first, that stale object would reset the tree.
        # Save a draft and publish it at once instead, from a fresh revision.
        translation.save_target(user=user, publish=False)
        target = translation.get_target_instance()
        if publish:
            target.get_latest_revision().publish(user=user)
            target.refresh_from_db()
        return target
    translation.save_target(user=user, publish=publish)
    return translation.get_target_instance()
