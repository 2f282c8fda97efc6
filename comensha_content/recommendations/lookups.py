"""Per-request lookups: the term resolver of a locale and the tracker page of a locale."""

from django.apps import apps

from comensha_content.core.locales import TermResolver


def lazy_model(name):
    """A model of this capability, looked up when called.

    The page models import the tracker, its filters and these lookups, so these modules cannot
    import the models; they look them up in Django's app registry instead.
    """
    return apps.get_model("comensha_content", name)


def _request_cache(request, name, factory):
    """A per-request cache (the API serialises many recommendations with one request)."""
    if request is None:
        from comensha_content.core.bulk_scope import memoized

        return memoized(("recommendations", name), factory)  # once per API listing
    cache = request.__dict__.setdefault("_comensha_recommendations_cache", {})
    if name not in cache:
        cache[name] = factory()
    return cache[name]


def term_lookup(locale, request=None):
    """The request's ``TermResolver`` for ``locale``: each taxonomy loads once per request."""
    return _request_cache(request, ("terms", locale.pk), lambda: TermResolver(locale))


def tracker_for_locale(locale, request=None):
    """The first live, public tracker page in ``locale``: where recommendations have their URL."""
    return _request_cache(
        request,
        ("tracker", locale.pk),
        lambda: (
            lazy_model("RecommendationIndexPage")
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
