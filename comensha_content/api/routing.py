"""Find a page by its URL path in any language, and filter listings by ``translation_key``.

Wagtail's ``find`` (v2 ``/api/v2/pages/find/?html_path=``, v3 ``/api/v3/pages/find/``) routes the
path from the site's root page as it is, so with ``i18n_patterns`` only the unprefixed (default)
language resolves: ``/en/longread/lisa/`` is looked up as a Dutch page called "en". Here a
leading language prefix (one of ``LANGUAGES``) chooses the locale, the prefix is taken off and the
rest is routed from the site root's translation in that locale, exactly as the HTML view does
under ``i18n_patterns``. A path without a prefix routes from the site's root page, as before.
"""

import uuid

from django.conf import settings
from django.http import Http404
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale


def split_language_prefix(html_path):
    """``(language_code or None, path_components)`` of ``html_path``.

    The first component is a language prefix when Django recognises it as one of ``LANGUAGES``
    (``get_language_from_path``); the rest of the path is then routed in that language.
    """
    path = "/" + html_path.lstrip("/")
    components = [component for component in path.split("/") if component]
    if not getattr(settings, "USE_I18N", True) or not components:
        return None, components
    language = get_language_from_path(path)
    if language is None or components[0].lower() != language.lower():
        return None, components
    return language, components[1:]


def root_for_language(site, language):
    """The site's root page in ``language``'s locale, or None when it has no such translation."""
    root = site.root_page
    if language is None:
        return root
    try:
        code = get_supported_content_language_variant(language)
    except LookupError:
        return None
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        return None
    if root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale)


def route_html_path(request, site, html_path):
    """The page ``html_path`` names on ``site`` in any of its languages, or None.

    Routing runs through each page's own ``route()`` (a RoutablePage's sub-URLs, a story whose
    consent withdraws it from the web raising 404), so the answer is the page the HTML view
    would serve; the caller still checks it is in the API's queryset.
    """
    if site is None:
        return None
    language, components = split_language_prefix(html_path)
    root = root_for_language(site, language)
    if root is None:
        return None
    try:
        page, _args, _kwargs = root.specific.route(request, components)
    except Http404:
        return None
    return page


class BadTranslationKey(ValueError):
    """``?translation_key=`` is no UUID."""

    def __init__(self, value):
        self.value = value
        super().__init__(_("translation_key must be a UUID, not %(value)r.") % {"value": value})


def parse_translation_key(value):
    """The UUID of ``?translation_key=``; raises ``BadTranslationKey``."""
    try:
        return uuid.UUID(str(value))
    except ValueError as error:
        raise BadTranslationKey(value) from error
