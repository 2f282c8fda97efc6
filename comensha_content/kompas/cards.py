"""Printable Kompas cards: a one-page card at ``<page url>card/`` and a self-contained download."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from comensha_content.core.locales import localized_terms


class KompasCardMixin(RoutablePageMixin):
    """A printable one-page card at ``<page url>card/``, and a self-contained download."""

    card_template = "comensha_content/kompas/kompas_card.html"
    preview_modes = [("", _("Page")), ("card", _("Card"))]

    @path("card/", name="card")
    def card(self, request):
        return self.render(
            request, template=self.card_template, context_overrides={"card_mode": "print"}
        )

    @path("card/download/", name="card_download")
    def card_download(self, request):
        context = self.get_context(request)
        context["card_mode"] = "download"
        context["inline_css"] = _read_static("comensha_content/kompas/kompas.css")
        html = render_to_string(self.card_template, context, request=request)
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        # ASCII only: a header value must not carry a Unicode slug.
        filename = f"{slugify(self.slug) or 'kompas'}-{slugify(str(_('card'))) or 'card'}.html"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def serve_preview(self, request, mode_name):
        if mode_name == "card":
            return self.card(request)
        return super().serve_preview(request, mode_name)

    @property
    def card_url(self):
        url = self.url
        return None if url is None else url + self.reverse_subpage("card")

    @property
    def card_download_url(self):
        url = self.url
        return None if url is None else url + self.reverse_subpage("card_download")

    def get_card_full_url(self):
        url = self.get_full_url()
        return None if url is None else url + self.reverse_subpage("card")

    def localized_relation(self, relation):
        # Terms come with their locale (their representation names it), unless prefetched.
        terms = getattr(self, relation).all()
        if relation not in getattr(self, "_prefetched_objects_cache", {}):
            terms = terms.select_related("locale")
        return localized_terms(terms, self.locale)

    @property
    def notes_key(self):
        """localStorage key of the reader's notes: the same in every language of the page."""
        return f"comensha-kompas-notes:{self.translation_key}"


def _read_static(path):
    """Text of one of this app's static files (for a card that works offline)."""
    from django.contrib.staticfiles import finders

    found = finders.find(path)
    if not found:
        return ""
    with open(found, encoding="utf-8") as handle:
        return handle.read()
