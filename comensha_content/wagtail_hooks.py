"""Admin integration: snippet viewsets, bulk publish check, headless preview, i18n hooks."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from comensha_content.api import preview_admin  # noqa: F401  (registers the headless preview view and button)
from comensha_content.api.webhooks import admin as webhook_admin  # noqa: F401  (registers its viewsets)
from comensha_content.core import (
    publishing,
    stale_translations_admin,  # noqa: F401  (its own hooks)
)
from comensha_content.core.po_upload import register_admin_urls as register_po_upload_urls
from comensha_content.core.rich_text_links import register_localized_page_links
from comensha_content.recommendations.viewsets import SNIPPET_VIEWSETS as RECOMMENDATION_VIEWSETS
from comensha_content.safety import consent_admin, consent_lifecycle
from comensha_content.taxonomy.viewsets import SNIPPET_VIEWSETS as TAXONOMY_VIEWSETS

for viewset in [*TAXONOMY_VIEWSETS, *RECOMMENDATION_VIEWSETS]:
    register_snippet(viewset)

# Publishing rules (comensha_content.core.publishing): bulk publish, API v3's publish action.
hooks.register("before_bulk_action", publishing.refuse_invalid_bulk_publish)
hooks.register("register_log_actions", publishing.register_log_actions)
if publishing.HAS_ACTION_REGISTRY:  # Wagtail 8: API v3's publish action
    hooks.register("register_actions", publishing.register_publish_action)
# Before wagtail-localize's own URL for the same path, whatever the order of INSTALLED_APPS.
hooks.register("register_admin_urls", register_po_upload_urls, order=-100)
# After Wagtail's core features, whose page link handler this one replaces.
hooks.register("register_rich_text_features", register_localized_page_links, order=100)

# Consent (comensha_content.safety.consent): its own views, reminders and publishing rules.
hooks.register("register_admin_viewset", lambda: consent_admin.story_consent_viewset)
hooks.register("register_admin_urls", consent_admin.register_consent_reviews_url)
hooks.register("register_reports_menu_item", consent_admin.consent_reviews_menu_item)
hooks.register("construct_homepage_panels", consent_admin.add_consent_reviews_panel)
hooks.register("before_publish_page", consent_lifecycle.refuse_publish_in_admin)
hooks.register("register_log_actions", consent_lifecycle.register_log_actions)
hooks.register("after_copy_page", consent_lifecycle.unpublish_live_copy)


@hooks.register("insert_global_admin_js")
def form_errors_js():
    """Error counts on the right tab and focus on the first error after a refused save (every
    edit form: pages, snippets, consent records)."""
    return format_html(
        '<script src="{}" defer></script>', static("comensha_content/core/form-errors.js")
    )
