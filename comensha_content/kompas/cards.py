"""Printable Kompas cards: a one-page card at ``<page url>card/`` and a self-contained download."""

import segno
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from comensha_content.core.locales import localized_terms


class KompasCardMixin(RoutablePageMixin):
    """A printable one-page card at ``<page url>card/``, and a self-contained download."""

    card_template = "comensha_content/kompas/kompas_card.html"
    preview_modes = [("", _("Page")), ("card", _("Card"))]

    card_download_template = "comensha_content/kompas/kompas_card_download.html"

    @path("card/", name="card")
    def card(self, request):
        return self.render(
            request,
            template=self.card_template,
            context_overrides={"card_mode": "print", **self.card_context(request)},
        )

    @path("card/download/", name="card_download")
    def card_download(self, request):
        context = self.get_context(request)
        context.update(self.card_context(request), card_mode="download")
        # Everything the file needs travels inside it: it is opened offline, from a disk.
        context["inline_css"] = "\n".join(_read_static(path) for path in CARD_STYLESHEETS)
        html = render_to_string(self.card_download_template, context, request=request)
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        # ASCII only: a header value must not carry a Unicode slug.
        filename = f"{slugify(self.slug) or 'kompas'}-{slugify(str(_('card'))) or 'card'}.html"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def card_context(self, request):
        """The page's canonical URL (the Site's, not the request's host) and a QR code to it."""
        url = self.get_full_url(request)
        return {"card_canonical_url": url, "card_qr_svg": qr_svg(url) if url else ""}

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


#: Styles of the downloaded card, inlined: the base tokens, then the Kompas styles.
CARD_STYLESHEETS = (
    "comensha_content/core/comensha_content.css",
    "comensha_content/kompas/kompas.css",
)


QR_CLASS = "cc-kompas-card__qr"


def qr_svg(url):
    """An inline SVG QR code of ``url`` (segno; no request to a QR service), drawn in the text
    colour so it prints on any printer. Screen readers skip it: the URL is printed beside it."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=3, border=2, dark="#000", light="#fff", omitsize=True, svgclass=QR_CLASS
    )
    return mark_safe(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))


def _read_static(path):
    """Text of one of this app's static files (for a card that works offline)."""
    from django.contrib.staticfiles import finders

    found = finders.find(path)
    if not found:
        return ""
    with open(found, encoding="utf-8") as handle:
        return handle.read()
