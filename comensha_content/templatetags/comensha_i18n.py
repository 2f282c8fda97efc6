"""Template tags for pages in several languages: switcher, hreflang alternates, fallback notices.

A reader must always know which language they read and where the other one is. These tags
work for any site's languages (``WAGTAIL_CONTENT_LANGUAGES``), not only Dutch and English:

- ``{% page_language page %}`` / ``{% page_direction page %}``: ``<html lang dir>`` of the page's
  own locale (a page that falls back to another locale keeps its own language);
- ``{% language_switcher page %}``: a link to every *live* translation of this page, the current
  one marked ``aria-current="page"``, each with ``lang`` and ``hreflang``;
- ``{% hreflang_alternates page %}``: ``<link rel="alternate" hreflang>`` for search engines,
  with ``x-default`` pointing at the default language's page;
- ``{% fallback_notice page %}``: a visible notice when the page (or a part of it, any
  translatable object) is shown in another language than the one the reader is on.
"""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, TranslatableMixin

from comensha_content.core.locales import language_name
from comensha_content.core.reader_visible import untranslated_visible_segment_count

register = template.Library()


def _language_info(language_code):
    try:
        return translation.get_language_info(language_code)
    except KeyError:
        return {"code": language_code, "name_local": language_code, "bidi": False}


def _active_language_code():
    """The language the reader is on (from the URL), as a content language code."""
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return translation.get_language()


def _live_translations(page):
    """Every live translation of ``page`` (itself included), in the order of the languages.

    Kept on the page object: the switcher and the alternates of one response share one query.
    Specific pages without their own fields (``specific(defer=True)``): only their locale and
    URL are shown, so their rows (a story's body) are not read; a page type's own URL methods
    still apply. Public as Wagtail's ``public()`` has it, from the view restrictions the page's
    links also need (``core.visibility``: read once in a ``bulk_scope``, as a story's render).
    """
    from comensha_content.core.visibility import without_restricted

    cached = getattr(page, "_comensha_live_translations", None)
    if cached is not None:
        return cached
    pages = list(
        without_restricted(page.get_translations(inclusive=True).live())
        .select_related("locale")
        .specific(defer=True)
    )
    order = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])]

    def position(item):
        code = item.locale.language_code
        return (order.index(code) if code in order else len(order), code)

    page._comensha_live_translations = sorted(pages, key=position)
    return page._comensha_live_translations


def _is_page(obj):
    from wagtail.models import Page

    return isinstance(obj, Page)


@register.simple_tag
def page_language(page=None):
    """The language code of ``page``'s locale, else the active language (for ``<html lang>``)."""
    if isinstance(page, TranslatableMixin) and page.locale_id:
        return page.locale.language_code
    return translation.get_language()


@register.simple_tag
def page_direction(page=None):
    """``rtl`` or ``ltr`` for ``page``'s language (``<html dir>``)."""
    return "rtl" if _language_info(page_language(page)).get("bidi") else "ltr"


@register.inclusion_tag("comensha_content/core/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to the live translations of ``page``; nothing when there is only one language."""
    if not (_is_page(page) and getattr(settings, "WAGTAIL_I18N_ENABLED", False)):
        return {"languages": []}
    request = context.get("request")
    languages = []
    for translated in _live_translations(page):
        code = translated.locale.language_code
        languages.append(
            {
                "code": code,
                "name": _language_info(code)["name_local"],
                "url": translated.get_url(request=request),
                "is_current": translated.pk == page.pk,
            }
        )
    if len(languages) < 2:
        languages = []
    return {"languages": languages}


@register.inclusion_tag("comensha_content/core/hreflang_alternates.html", takes_context=True)
def hreflang_alternates(context, page=None):
    """``<link rel="alternate">`` per live translation (full URLs), plus ``x-default``."""
    if not (_is_page(page) and getattr(settings, "WAGTAIL_I18N_ENABLED", False)):
        return {"alternates": []}
    request = context.get("request")
    if request is not None and page.get_url(request=request) != request.path:
        # A sub-route of a routable page (a Kompas card, a recommendation): its translations
        # are not the page's, so claim none rather than wrong ones.
        return {"alternates": []}
    alternates = []
    default_url = None
    default_code = Locale.get_default().language_code
    for translated in _live_translations(page):
        url = translated.get_full_url(request=request)
        if not url:
            continue
        alternates.append({"hreflang": translated.locale.language_code, "url": url})
        if translated.locale.language_code == default_code:
            default_url = url
    if len(alternates) < 2:
        return {"alternates": []}
    alternates.append({"hreflang": "x-default", "url": default_url or alternates[0]["url"]})
    return {"alternates": alternates}


def untranslated_segment_count(obj):
    """How many of ``obj``'s texts a reader sees untranslated (0 if not translated).

    wagtail-localize fills an untranslated segment with the source text, so a translation that
    is not complete shows parts of the page in the source language. The slug and SEO fields are
    not counted: a reader does not see them (``core.reader_visible``).
    """
    return untranslated_visible_segment_count(obj)


def _source_language(obj):
    from wagtail_localize.models import TranslationSource

    source = (
        TranslationSource.objects.filter(object_id=obj.translation_key)
        .exclude(locale_id=obj.locale_id)
        .select_related("locale")
        .first()
    )
    return source.locale.language_code if source else Locale.get_default().language_code


@register.inclusion_tag("comensha_content/core/fallback_notice.html")
def fallback_notice(obj=None, part=False):
    """A notice when ``obj`` is shown in another language than the reader's.

    ``obj`` is a page or any translatable object (a page part: snippet, chosen page). The notice
    says so when ``obj`` is in another locale than the active language (it falls back to its
    source), or when its translation is incomplete (some texts are still in the source language).
    ``part=True`` words it for a part of a page.
    """
    if not (
        isinstance(obj, TranslatableMixin) and getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    ):
        return {"notice": None}
    active = _active_language_code()
    own = obj.locale.language_code
    if own != active:
        return {
            "notice": "whole",
            "part": part,
            "language": language_name(own),
            "language_code": own,
        }
    if untranslated_segment_count(obj):
        source = _source_language(obj)
        return {
            "notice": "incomplete",
            "part": part,
            "language": language_name(source),
            "language_code": source,
        }
    return {"notice": None}


@register.filter(name="language_name")
def language_name_filter(language_code):
    """The name of ``language_code`` in the active language ("Dutch" on the English site)."""
    return language_name(language_code)
