"""Per-request lookups: taxonomy terms in the served language and the tracker page of a locale."""

from dataclasses import dataclass

from django.apps import apps


def _model(name):
    """A model of this capability, looked up when called: the page models import this module."""
    return apps.get_model("comensha_content", name)


# --- Terms in the served language ----------------------------------------------------------------


@dataclass(frozen=True)
class LocalizedTerm:
    term: object
    is_fallback: bool

    @property
    def code(self):
        return self.term.code

    @property
    def name(self):
        return self.term.name

    @property
    def language_code(self):
        return self.term.locale.language_code


class TermLookup:
    """Taxonomy terms in one locale, by translation key; loads each (small) taxonomy once.

    Themes and addressees keep the source language's terms after translation; this shows each in
    the served language, or the source term marked ``is_fallback`` when it has no translation.
    """

    def __init__(self, locale):
        self.locale = locale
        self._terms = {}

    def localize(self, term):
        if term.locale_id == self.locale.pk:
            return LocalizedTerm(term, False)
        model = type(term)
        if model not in self._terms:
            self._terms[model] = {
                item.translation_key: item
                for item in model.objects.filter(locale=self.locale).select_related("locale")
            }
        translated = self._terms[model].get(term.translation_key)
        return LocalizedTerm(translated, False) if translated else LocalizedTerm(term, True)

    def localize_all(self, terms):
        """Localised terms, one per code, in taxonomy order."""
        by_code = {}
        for term in terms:
            localized = self.localize(term)
            by_code.setdefault(localized.code, localized)
        return sorted(by_code.values(), key=lambda item: (item.term.sort_order, item.name))

    def representation(self, term):
        localized = self.localize(term)
        return {**localized.term.get_api_representation(), "is_fallback": localized.is_fallback}


def _request_cache(request, name, factory):
    """A per-request cache (the API serialises many recommendations with one request)."""
    if request is None:
        return factory()
    cache = request.__dict__.setdefault("_comensha_recommendations_cache", {})
    if name not in cache:
        cache[name] = factory()
    return cache[name]


def term_lookup(locale, request=None):
    return _request_cache(request, ("terms", locale.pk), lambda: TermLookup(locale))


def tracker_for_locale(locale, request=None):
    """The first live, public tracker page in ``locale``: where recommendations have their URL."""
    return _request_cache(
        request,
        ("tracker", locale.pk),
        lambda: (
            _model("RecommendationIndexPage")
            .objects.live()
            .public()
            .filter(locale=locale)
            .order_by("path")
            .first()
        ),
    )


def recommendation_url(recommendation, request=None, *, tracker=None, full=False):
    tracker = tracker or tracker_for_locale(recommendation.locale, request)
    if tracker is None:
        return None
    return tracker.recommendation_url(recommendation, request, full=full)
