"""Page links in rich text lead to the reader's language, and say so when they cannot.

wagtail-localize keeps the source page's id in a translated rich text link. Wagtail's own
handler already resolves it to the live translation in the active language; this one also marks
a link that falls back to a page in another language: ``hreflang`` and a visible "(in Dutch)"
inside the link (screen readers announce it with the link text), in the HTML of pages and of the
API alike (both expand rich text through the same rewriter).
"""

from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail.rich_text.pages import PageLinkHandler

from comensha_content.core.locales import language_name


def _active_locale_id():
    try:
        return Locale.get_active().pk
    except Locale.DoesNotExist:
        return None


class LocalizedPageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, plus a visible marker for a link to another language."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        active_locale_id = _active_locale_id()
        tags = []
        for page in cls.get_many(attrs_list):
            if page is None:
                tags.append("<a>")
                continue
            localized = page.localized
            url = localized.url
            if active_locale_id is None or localized.locale_id == active_locale_id:
                tags.append(format_html('<a href="{}">', url or ""))
                continue
            code = localized.locale.language_code
            marker = gettext("(in %(language)s)") % {"language": language_name(code)}
            tags.append(
                format_html(
                    '<a href="{}" hreflang="{}" class="cc-link--other-language" '
                    'data-cc-fallback-language="{}"><span class="cc-fallback-language">{}</span> ',
                    url or "",
                    code,
                    code,
                    marker,
                )
            )
        return tags


def register_localized_page_links(features):
    """``register_rich_text_features`` hook: replace Wagtail's handler for ``linktype="page"``."""
    features.register_link_type(LocalizedPageLinkHandler)
