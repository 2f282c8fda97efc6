"""Which untranslated texts a reader can see, for the notice on a translated page.

wagtail-localize counts every segment of a translation, the page's slug and search-engine fields
included. A reader never sees those in the page's text, so an English story whose only
untranslated segment is its slug must not tell them "Some texts on this page have not been
translated yet". The admin keeps wagtail-localize's own count (translation editor, report), where
the slug and SEO fields still show as work to do.
"""

from django.db.models import Exists, OuterRef

#: Fields a reader does not read on the page: its address and what search engines show.
NOT_SHOWN_TO_READERS = ("slug", "seo_title", "search_description")


def translation_of(obj):
    """The enabled wagtail-localize translation that made ``obj`` (None for a source object)."""
    from wagtail_localize.models import Translation

    return (
        Translation.objects.filter(
            source__object_id=obj.translation_key, target_locale_id=obj.locale_id, enabled=True
        )
        .exclude(source__locale_id=obj.locale_id)
        .first()
    )


def untranslated_visible_segment_count(obj):
    """How many texts of ``obj`` a reader sees in the source language (0 if not translated)."""
    from wagtail_localize.models import StringSegment, StringTranslation

    translation = translation_of(obj)
    if translation is None:
        return 0
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
        has_error=False,
    )
    return (
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(context__path__in=NOT_SHOWN_TO_READERS)
        .exclude(Exists(translated))
        .count()
    )
