"""Which translations are out of date, how far they are translated and who translated last.

Derived from wagtail-localize's own records, without fields of our own: a translation is *out
of date* when its source was synchronised (on publish, see ``translation_sync``) after the
translation was started and the source now holds texts the translation lacks. It is out of date
since the source's last synchronisation (``TranslationSource.last_updated_at``). Everything here
is computed in a bounded number of queries, whatever the number of languages or listed rows.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from wagtail_localize.models import StringSegment, StringTranslation, Translation


def _segments_of_source():
    """The string segments of the outer translation's source, each told whether it is translated."""
    return StringSegment.objects.filter(source_id=OuterRef("source_id")).annotate(
        # Django has no nested OuterRef: carry the locale in an annotation, as wagtail-localize's
        # translations report does.
        _target_locale_id=OuterRef("target_locale_id"),
        is_translated=Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef("_target_locale_id"),
                has_error=False,
            )
        ),
    )


def _count(segments):
    counted = segments.order_by().values("source_id").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_staleness(translations):
    """Annotate ``is_out_of_date`` (a boolean) on a Translation queryset: one query for all rows."""
    return translations.annotate(
        waiting_for_translation=Exists(_segments_of_source().filter(is_translated=False)),
    ).annotate(
        is_out_of_date=ExpressionWrapper(
            Q(
                enabled=True,
                waiting_for_translation=True,
                source__last_updated_at__gt=F("created_at"),
            ),
            output_field=BooleanField(),
        ),
    )


def out_of_date_translations():
    """Every enabled translation that is out of date, oldest first (the translations report)."""
    return (
        with_staleness(Translation.objects.filter(enabled=True))
        .filter(is_out_of_date=True)
        .select_related("source", "source__locale", "target_locale")
        .order_by("source__last_updated_at")
    )


def stale_translations_of(object_ref):
    """Out-of-date translations of the object ``object_ref`` (a translation key or OuterRef)."""
    return with_staleness(
        Translation.objects.filter(enabled=True, source__object_id=object_ref)
    ).filter(is_out_of_date=True)


@dataclass(frozen=True)
class TranslationState:
    """What the status panel says about one language of an object."""

    translation: Translation
    locale: object
    total_segments: int
    translated_segments: int
    out_of_date_since: object  # a datetime, or None when up to date
    last_translated_by: object  # a user, or None when nobody translated a text yet

    @property
    def percent_translated(self):
        if not self.total_segments:
            return 100
        return self.translated_segments * 100 // self.total_segments


def translation_states(instance):
    """The state of every translation of ``instance``, per language, in three queries.

    On a source (the Dutch story) these are its translations; on a translation (an English page
    edited outside wagtail-localize's editor) it is its own.
    """
    if instance.pk is None:
        return []
    segments = _segments_of_source()
    translations = (
        with_staleness(
            Translation.objects.filter(source__object_id=instance.translation_key).filter(
                Q(source__locale_id=instance.locale_id) | Q(target_locale_id=instance.locale_id)
            )
        )
        .annotate(
            total_segments=_count(segments),
            translated_segments=_count(segments.filter(is_translated=True)),
            last_translator_id=Subquery(
                StringTranslation.objects.filter(
                    context__object_id=OuterRef("source__object_id"),
                    locale_id=OuterRef("target_locale_id"),
                )
                .order_by("-updated_at", "-pk")
                .values("last_translated_by_id")[:1]
            ),
        )
        .select_related("source", "target_locale")
        .order_by("target_locale__language_code")
    )
    translations = list(translations)
    user_ids = {t.last_translator_id for t in translations if t.last_translator_id}
    users = get_user_model().objects.in_bulk(user_ids) if user_ids else {}
    return [
        TranslationState(
            translation=translation,
            locale=translation.target_locale,
            total_segments=translation.total_segments,
            translated_segments=translation.translated_segments,
            out_of_date_since=(
                translation.source.last_updated_at if translation.is_out_of_date else None
            ),
            last_translated_by=users.get(translation.last_translator_id),
        )
        for translation in translations
    ]
