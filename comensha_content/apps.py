from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComenshaContentConfig(AppConfig):
    """App config: system checks, API schema declarations, cache purging, metadata-free media.

    Each capability declares the API shapes its definitions do not tell in its ``schemas.py``;
    importing those modules here registers them (``comensha_content.schema.registry``).
    """

    name = "comensha_content"
    label = "comensha_content"
    verbose_name = _("CoMensha content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.signals import request_started
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

        from comensha_content.core import checks  # noqa: F401  (registers the system checks)
        from comensha_content.taxonomy.seeds import seed_after_migrate

        post_migrate.connect(seed_after_migrate, sender=self)

        from comensha_content.api import schemas as api_schemas  # noqa: F401
        from comensha_content.api.v2 import ComenshaPagesAPIViewSet
        from comensha_content.blocks import schemas as block_schemas  # noqa: F401
        from comensha_content.kompas import schemas as kompas_schemas  # noqa: F401
        from comensha_content.longread import schemas as longread_schemas  # noqa: F401
        from comensha_content.recommendations import schemas as recommendation_schemas  # noqa: F401
        from comensha_content.safety import schemas as safety_schemas  # noqa: F401
        from comensha_content.schema.registry import set_page_meta_fields

        set_page_meta_fields(ComenshaPagesAPIViewSet.meta_fields)

        from comensha_content.safety import (
            media,
            media_forms,  # noqa: F401  (registers its system check)
        )

        media.connect_signal_handlers()  # originals (and so renditions) stored without metadata

        from comensha_content.api import purge, v3
        from comensha_content.core import content_generation
        from comensha_content.safety import consent, consent_lifecycle

        for signal in (post_save, post_delete):
            signal.connect(consent_lifecycle.forget_next_sweep, sender=consent.StoryConsent)
        m2m_changed.connect(
            consent_lifecycle.forget_next_sweep, sender=consent.StoryConsent.scope_locales.through
        )
        # Withdrawn or lapsed consent takes stories offline on the first request it applies to.
        request_started.connect(consent_lifecycle.sweep_on_request)

        v3.register()  # Wagtail 8: typed StreamFields and page fields in API v3; no-op on 7.4
        from comensha_content.api import v3_writes

        v3_writes.register()  # Wagtail 8: the package's pages writable through API v3
        purge.register_signal_handlers()  # API URLs out of the front-end cache on publish
        content_generation.register_signal_handlers()  # ETags and revision cache follow links

        from comensha_content.api.webhooks import events as webhook_events

        webhook_events.register_signal_handlers()  # front ends told of page events (webhooks)

        from comensha_content.core import translation_sync

        # A published source republishes its live translations: removals reach every language.
        translation_sync.connect_signal_handlers()

        from django.db.models.signals import pre_save

        from comensha_content.core.list_item_ids import normalise_before_save

        # Every ListBlock item stored with an id, so wagtail-localize extracts its segments.
        pre_save.connect(normalise_before_save, dispatch_uid="comensha_content.list_item_ids")

        from wagtail_localize.models import StringSegment, Translation

        from comensha_content.core import prefilled_translations as prefilled

        # Names and codes start translated as the source text (editable by the translator).
        post_save.connect(prefilled.prefill_new_translation, sender=Translation)
        post_save.connect(prefilled.prefill_new_segment, sender=StringSegment)

        from comensha_content.core import translation_editor_help

        translation_editor_help.install()  # fields' help texts in the translation editor
