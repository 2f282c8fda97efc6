"""Admin integration: snippet viewsets, bulk publish check, headless preview, i18n hooks."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from comensha_content.api import preview_admin  # noqa: F401  (registers the headless preview view and button)
from comensha_content.core.po_upload import register_admin_urls as register_po_upload_urls
from comensha_content.core.publishing import refuse_invalid_bulk_publish
from comensha_content.core.rich_text_links import register_localized_page_links
from comensha_content.recommendations.viewsets import SNIPPET_VIEWSETS as RECOMMENDATION_VIEWSETS
from comensha_content.taxonomy.viewsets import SNIPPET_VIEWSETS as TAXONOMY_VIEWSETS

for viewset in [*TAXONOMY_VIEWSETS, *RECOMMENDATION_VIEWSETS]:
    register_snippet(viewset)

hooks.register("before_bulk_action", refuse_invalid_bulk_publish)
# Before wagtail-localize's own URL for the same path, whatever the order of INSTALLED_APPS.
hooks.register("register_admin_urls", register_po_upload_urls, order=-100)
# After Wagtail's core features, whose page link handler this one replaces.
hooks.register("register_rich_text_features", register_localized_page_links, order=100)
