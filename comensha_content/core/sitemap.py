"""A sitemap of every language: each live public page once per locale, with hreflang alternates.

Wagtail's sitemap lists the descendants of the site's root page, which is one locale's tree
(with ``i18n_patterns`` the Dutch one): English pages were missing. This one walks the root
page's tree in every locale and gives each URL ``<xhtml:link rel="alternate" hreflang>`` links to
its translations that are listed too, and an ``x-default`` one to the version in the site's
default language (``LANGUAGE_CODE``), or the source when that is missing.

What is left out is each page's own decision (``get_sitemap_urls``): a page excluded from search
engines (``SearchEngineVisibilityMixin``) and a story whose consent has ended or leaves out the
web (``ConsentSubjectMixin``) return no URL, and are then no alternate of another page either.

A site routes it instead of Wagtail's view::

    from comensha_content.core.sitemap import sitemap
    urlpatterns += [path("sitemap.xml", sitemap)]
"""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from wagtail.contrib.sitemaps import Sitemap
from wagtail.coreutils import get_supported_content_language_variant

X_DEFAULT = "x-default"


def default_language():
    """The site's default content language, as a locale's language code."""
    try:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap over the site root's tree in every locale, with hreflang alternates."""

    def items(self):
        from wagtail.models import Page

        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        pages = Page.objects.none()
        for translated_root in roots:
            pages |= Page.objects.descendant_of(translated_root, inclusive=True)
        return (
            pages.live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def listed_urls(self):
        """``{page pk: [url_info, ...]}`` of every page that gives sitemap URLs (cached)."""
        if not hasattr(self, "_listed"):
            self._listed = {}
            self._versions = {}
            for page in self.items().iterator():
                url_infos = page.get_sitemap_urls(self.request)
                if not url_infos:
                    continue
                self._listed[page.pk] = url_infos
                self._versions.setdefault(page.translation_key, []).append(
                    (page.locale.language_code, url_infos[0]["location"])
                )
        return self._listed

    def alternates_of(self, page):
        """hreflang alternates of ``page``: every listed version and x-default (or none)."""
        self.listed_urls()
        versions = sorted(self._versions.get(page.translation_key, ()))
        if len(versions) < 2:
            return []
        alternates = [{"lang_code": code, "location": location} for code, location in versions]
        by_language = dict(versions)
        source = by_language.get(default_language()) or versions[0][1]
        return [*alternates, {"lang_code": X_DEFAULT, "location": source}]

    def _urls(self, page, protocol, domain):
        listed = self.listed_urls()
        urls, last_mods = [], set()
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in listed.get(item.pk, ()):
                urls.append({**url_info, "alternates": self.alternates_of(item)})
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request, **kwargs):
    """``sitemap.xml`` of the request's site in every language (Django's sitemap view)."""
    return sitemap_views.sitemap(request, {"pages": MultilingualSitemap(request)}, **kwargs)
