"""Reader safety: the quick-exit site setting, the "browse safely" page, and search visibility.

Readers may be watched by the person exploiting them (see docs/reader-safety.md). A quick-exit button leaves
for a neutral site at once; it cannot erase browsing history, so it links a page that explains
how to browse safely. Pages can be kept out of search engines and social-media previews.

The quick-exit label is a site setting, and a site setting is one row per site: it cannot be a
``TranslatableMixin`` model (one row per locale). A custom label therefore applies to the site's
source language only (the locale of the site's root page); other languages show the app's own
translated label. Leave it blank to use the translated label everywhere.
"""

from urllib.parse import urlsplit

import swapper
from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Locale, Site
from wagtail.search import index

from comensha_content.blocks.fields import WEB_SCHEMES, SafeURLValidator
from comensha_content.core.conf import get_setting
from comensha_content.core.pages import BasePage

BROWSE_SAFELY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]

QUICK_EXIT_URL_MESSAGE = _(
    "Enter a web address that starts with https:// or http://. Other kinds of links, "
    "such as javascript:, are not allowed."
)


class SearchEngineVisibilityMixin(models.Model):
    """Per page: keep it out of search engines and out of link previews on social media.

    A page class lists the mixin before its page base class, adds ``search_engine_panels`` to
    its promote panels, and renders ``{% robots_meta page %}`` in ``<head>`` (the app's
    base.html does). A page kept out of search engines is also left out of the sitemap and
    served with an ``X-Robots-Tag: noindex`` header.
    """

    noindex = models.BooleanField(
        _("exclude from search engines"),
        default=False,
        help_text=_(
            "Asks search engines not to list this page and leaves it out of the sitemap. "
            "Anyone with the link can still open it."
        ),
    )
    no_social_preview = models.BooleanField(
        _("no social media preview"),
        default=False,
        help_text=_(
            "Leaves out the title, description and image that social media and chat apps use to "
            "show a preview when someone shares the link."
        ),
    )

    search_engine_panels = [
        MultiFieldPanel(
            [FieldPanel("noindex"), FieldPanel("no_social_preview")],
            heading=_("Search engines and social media"),
        )
    ]
    #: Wagtail's promote panels plus the two above; a page type with its own promote panels adds
    #: ``search_engine_panels`` itself.
    promote_panels = BasePage.promote_panels + search_engine_panels

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request=None):
        if self.noindex:
            return []
        return super().get_sitemap_urls(request)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.noindex:
            response["X-Robots-Tag"] = "noindex"
        return response


@register_setting(icon="warning")
class ReaderSafetySettings(BaseSiteSetting):
    """Per site: the quick-exit button and the page that explains how to browse safely."""

    quick_exit_enabled = models.BooleanField(
        _("show the quick-exit button"),
        default=True,
        help_text=_(
            "A button on every page that covers the page at once and opens a neutral website. "
            "Readers can also press the Shift key three times."
        ),
    )
    # A CharField, so the scheme check below gives its own message (a URLField's form field
    # would reject javascript: first, with Django's generic "Enter a valid URL").
    quick_exit_url = models.CharField(
        _("neutral website"),
        max_length=500,
        blank=True,
        validators=[SafeURLValidator(WEB_SCHEMES, QUICK_EXIT_URL_MESSAGE)],
        help_text=_(
            "Where the quick-exit button goes: a common, harmless website such as a weather "
            "forecast. Leave blank to use the default of the site's configuration."
        ),
    )
    quick_exit_label = models.CharField(
        _("button text"),
        max_length=40,
        blank=True,
        help_text=_(
            "Shown on the button in the site's main language. Leave blank to use the built-in "
            "text, which is translated into every language of the site."
        ),
    )
    browse_safely_page = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("browse safely page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page that explains what the quick-exit button does and does not do. Its "
            "translation is linked on translated pages."
        ),
    )

    panels = [
        HelpPanel(
            content=_(
                "The quick-exit button cannot delete a reader's browsing history. Link a page "
                "that explains how to browse safely."
            )
        ),
        FieldPanel("quick_exit_enabled"),
        FieldPanel("quick_exit_url", widget=forms.URLInput),
        FieldPanel("quick_exit_label"),
        PageChooserPanel("browse_safely_page", page_type="comensha_content.BrowseSafelyPage"),
    ]

    select_related = ["site__root_page", "browse_safely_page__locale"]

    class Meta:
        verbose_name = _("reader safety")
        verbose_name_plural = _("reader safety")

    @classmethod
    def for_request_or_none(cls, request):
        """The settings of the request's site, or None when no site matches (e.g. no request)."""
        if request is None:
            return None
        if Site.find_for_request(request) is None:
            return None
        return cls.for_request(request)

    @property
    def exit_url(self):
        return self.quick_exit_url or get_setting("QUICK_EXIT_URL")

    def label_for(self, locale):
        """The button text in ``locale``: the custom label in the source language, else built-in."""
        if self.quick_exit_label and locale is not None:
            root_locale_id = self.site.root_page.locale_id
            if locale.pk == root_locale_id:
                return self.quick_exit_label
        return default_quick_exit_label()

    def browse_safely_page_for(self, locale):
        """The browse-safely page in ``locale``, falling back to its source; None when unset."""
        source = self.browse_safely_page
        if source is None:
            return find_browse_safely_page(self.site, locale)
        candidates = [source]
        if locale is not None and source.locale_id != locale.pk:
            candidates.insert(0, source.get_translation_or_none(locale))
        for page in candidates:
            if page is not None and page.live:
                return page
        return None

    def quick_exit_data(self, locale=None, request=None):
        """What a front end needs to render the quick exit, in ``locale`` (None: active one)."""
        locale = locale or Locale.get_active()
        page = self.browse_safely_page_for(locale) if self.quick_exit_enabled else None
        return {
            "enabled": self.quick_exit_enabled,
            "url": self.exit_url,
            "label": self.label_for(locale),
            "shortcut": "shift-shift-shift",
            "browse_safely": browse_safely_link(page, request),
        }


def default_quick_exit_label():
    return gettext("Exit this page")


def default_quick_exit_data():
    """Quick-exit data when no site setting applies (no site for the request)."""
    return {
        "enabled": True,
        "url": get_setting("QUICK_EXIT_URL"),
        "label": default_quick_exit_label(),
        "shortcut": "shift-shift-shift",
        "browse_safely": None,
    }


def quick_exit_data_for_request(request, locale=None):
    settings = ReaderSafetySettings.for_request_or_none(request)
    if settings is None:
        return default_quick_exit_data()
    return settings.quick_exit_data(locale, request)


def find_browse_safely_page(site, locale):
    """The live browse-safely page of ``site`` in ``locale``, else in any language; or None.

    A site's pages in other languages live under translations of its root page.
    """
    if site is None:
        return None
    pages = BrowseSafelyPage.objects.live().public()
    in_site = Q()
    for root in site.root_page.get_translations(inclusive=True):
        in_site |= pages.descendant_of_q(root, inclusive=True)
    pages = pages.filter(in_site)
    if locale is not None:
        page = pages.filter(locale_id=locale.pk).order_by("path").first()
        if page is not None:
            return page
    return pages.order_by("path").first()


def browse_safely_link(page, request=None):
    if page is None:
        return None
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_url(request),
        "locale": page.locale.language_code,
    }


def host_of(url):
    """The host a reader recognises ("www.example.org" -> "example.org")."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


class BrowseSafelyPage(SearchEngineVisibilityMixin, BasePage):  # noqa: DJ008 (Page.__str__)
    """Explains what the quick exit does and does not do, and how to browse more safely.

    The app renders what its own button does (from the site setting) so that part is always
    right; editors add advice for their readers (private windows, shared devices, helplines).
    """

    intro = models.TextField(_("intro"), blank=True)
    body = RichTextField(_("body"), blank=True, features=BROWSE_SAFELY_FEATURES)

    template = "comensha_content/safety/browse_safely_page.html"
    max_count_per_parent = 1
    subpage_types = []

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body"), APIField("quick_exit")]

    class Meta:
        verbose_name = _("browse safely page")
        verbose_name_plural = _("browse safely pages")

    @property
    def quick_exit(self):
        """What this site's quick exit does, for the page and the API."""
        from comensha_content.core.bulk_scope import memoized

        def compute():
            site = self.get_site()
            if not site:
                return get_setting("QUICK_EXIT_URL")
            return ReaderSafetySettings.for_site(site).exit_url

        parts = self.get_url_parts()
        url = memoized(("quick exit", parts[0] if parts else None), compute)
        return {"url": url, "host": host_of(url)}
