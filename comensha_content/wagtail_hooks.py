"""Admin integration: snippet viewsets, bulk publish check, headless preview, i18n hooks."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .api import preview_admin  # noqa: F401  (registers the headless preview view and button)
from .po_upload import register_admin_urls as register_po_upload_urls
from .publishing import refuse_invalid_bulk_publish
from .rich_text_links import register_localized_page_links
from .viewsets import SNIPPET_VIEWSETS

for viewset in SNIPPET_VIEWSETS:
    register_snippet(viewset)

hooks.register("before_bulk_action", refuse_invalid_bulk_publish)
# Before wagtail-localize's own URL for the same path, whatever the order of INSTALLED_APPS.
hooks.register("register_admin_urls", register_po_upload_urls, order=-100)
# After Wagtail's core features, whose page link handler this one replaces.
hooks.register("register_rich_text_features", register_localized_page_links, order=100)
