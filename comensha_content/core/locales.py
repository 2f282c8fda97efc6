"""This object in the reader's language: one place for pages, snippets and taxonomy terms.

Choosers and many-to-many relations keep the source object after translation (wagtail-localize
copies them unchanged); rendering and the API resolve them here to the served locale's
translation, and mark what has none (``is_fallback``) so the fallback is visible, never hidden.
"""

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, TranslatableMixin

from comensha_content.core.bulk_scope import (
    MISSING,
    memoized,
    preloaded_translation,
    with_locale,
)
from comensha_content.core.conf import get_setting


def localized_instance(obj):
    """Return ``(instance in the active language, is_fallback)``.

    Pages resolve to their live translation only (a draft translation is not served), snippets
    to any translation. Without a translation the object itself is returned and ``is_fallback``
    says so, so templates and the API can mark the fallback instead of hiding it.
    """
    if obj is None:
        return None, False
    if not isinstance(obj, TranslatableMixin) or not getattr(
        settings, "WAGTAIL_I18N_ENABLED", False
    ):
        return obj, False
    with_locale(obj)
    if obj.locale.language_code == active_content_language():
        return obj, False  # compared by code: no query per object when the locale is loaded
    active_locale_id = memoized(
        ("active_locale", translation.get_language()), lambda: Locale.get_active().pk
    )
    if obj.locale_id == active_locale_id:
        return obj, False
    localized = preloaded_translation(obj, active_locale_id)
    if localized is MISSING:
        localized = obj.localized
    elif localized is None or not getattr(localized, "live", True):
        localized = obj  # no translation, or (for pages) only a draft one
    return localized, localized.locale_id != active_locale_id


def active_content_language():
    """The content language code of the active language ("en" for "en-gb"), or None."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None


def language_name(language_code):
    """The language's name in the active language (e.g. "Dutch" when serving English)."""
    try:
        return str(translation.get_language_info(language_code)["name_translated"])
    except KeyError:
        return language_code


# --- Taxonomy terms and pages in a given locale ---------------------------------------------------


def terms_for_locale(model, locale):
    """Every term of ``model`` once, in ``locale`` where it exists, else in another locale.

    Terms are matched by code, which is the same in every language. A term shown from another
    locale gets ``is_fallback = True`` so templates can mark its language.
    """
    chosen = {}
    default_locale_id = _default_locale_id()
    for term in model.objects.select_related("locale"):
        current = chosen.get(term.code)
        if current is None or _locale_rank(term, locale, default_locale_id) < _locale_rank(
            current, locale, default_locale_id
        ):
            chosen[term.code] = term
    terms = list(chosen.values())
    for term in terms:
        term.is_fallback = term.locale_id != locale.pk
    return sorted(terms, key=_term_order)


def fallback_language(representation):
    """The source language's name to show beside a fallback, e.g. "(Dutch)", or "".

    ``representation`` is a chooser's representation with ``locale`` and ``is_fallback``.
    Empty when COMENSHA_CONTENT_SOURCE_FALLBACK_NOTICE is off.
    """
    if not representation or not representation.get("is_fallback"):
        return ""
    if not get_setting("SOURCE_FALLBACK_NOTICE"):
        return ""
    return language_name(representation["locale"])


class TermResolver:
    """Taxonomy terms shown in one locale, matched by code (the same in every language).

    wagtail-localize copies a translation's term relations unchanged (the source terms); this
    shows each term in ``locale``, or the source term marked ``is_fallback`` when it has no
    translation. Each taxonomy's terms in the locale are loaded once, when a term from another
    locale first needs them; keep one resolver per request to share them across a listing.
    """

    def __init__(self, locale):
        self.locale = locale
        self._by_code = {}

    def _translations(self, model):
        if model not in self._by_code:
            self._by_code[model] = memoized(
                ("terms", model, self.locale.pk),
                lambda: {
                    term.code: term
                    for term in model.objects.filter(locale=self.locale).select_related("locale")
                },
            )
        return self._by_code[model]

    def localize(self, term):
        """``term`` in the resolver's locale (or itself), with ``is_fallback`` set; None stays."""
        if term is None:
            return None
        if term.locale_id != self.locale.pk:
            term = self._translations(type(term)).get(term.code, term)
        term.is_fallback = term.locale_id != self.locale.pk
        return term

    def localize_all(self, terms):
        """``terms`` localised, once per code, in taxonomy order."""
        by_code = {}
        for term in terms:
            localized = self.localize(term)
            by_code.setdefault(localized.code, localized)
        return sorted(by_code.values(), key=_term_order)


def localized_terms(terms, locale):
    """``terms`` resolved to ``locale`` by code; untranslated terms stay, marked as fallback."""
    return TermResolver(locale).localize_all(terms)


def localized_term(term, locale):
    """One term (or None) resolved to ``locale``; see ``TermResolver``."""
    return TermResolver(locale).localize(term)


def localized_page(page, locale):
    """The live translation of ``page`` in ``locale``, else ``page`` itself marked as fallback."""
    if page is None:
        return None
    if page.locale_id != locale.pk:
        translation = preloaded_translation(page, locale.pk)
        if translation is MISSING:
            translation = page.get_translation_or_none(locale)
        if translation is not None and translation.live:
            page = translation
    page = page.specific
    page.is_fallback = page.locale_id != locale.pk
    return page


def _default_locale_id():
    def default():
        try:
            return Locale.get_default().pk
        except Locale.DoesNotExist:
            return None

    return memoized("default locale", default)


def _locale_rank(term, locale, default_locale_id):
    if term.locale_id == locale.pk:
        return 0
    if term.locale_id == default_locale_id:
        return 1
    return 2


def _term_order(term):
    return (getattr(term, "number", 0) or 0, term.sort_order, term.name)
