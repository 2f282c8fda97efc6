"""Template tags for the site's theme (core/theme.py): brand colour, header brand, footer.

``{% load comensha_theme %}`` then ``{% theme_style %}`` in ``<head>`` (the brand colour as a CSS
custom property) and ``{% site_brand page %}`` in the header; comensha_content/base.html does
both. The colour is validated on save, so it is safe to write into a style element; under
django-csp the element carries the request's nonce (add ``NONCE`` to ``style-src``).
"""

from django import template
from django.utils.html import format_html

from comensha_content.core.theme import HEX_COLOUR, ThemeSettings

register = template.Library()

LOGO_RENDITION = "height-80"


def _theme(context):
    """``{"brand_colour", "logo"}`` of the request's site (Wagtail keeps the setting per request)."""
    request = context.get("request")
    if request is None:
        return None
    settings = ThemeSettings.for_request(request)
    logo = settings.logo.get_rendition(LOGO_RENDITION) if settings.logo_id else None
    return {
        "brand_colour": settings.brand_colour,
        "logo": {"url": logo.url, "width": logo.width, "height": logo.height} if logo else None,
    }


@register.simple_tag(takes_context=True)
def theme_style(context):
    """``<style>`` setting ``--cc-brand`` when the site chose a colour; nothing otherwise."""
    theme = _theme(context)
    colour = theme["brand_colour"] if theme else ""
    if not HEX_COLOUR.match(colour or ""):
        return ""
    # Under a Content-Security-Policy (django-csp) the style element needs the request's nonce.
    nonce = getattr(context.get("request"), "csp_nonce", None)
    if nonce:
        return format_html('<style nonce="{}">:root{{--cc-brand:{}}}</style>', nonce, colour)
    return format_html("<style>:root{{--cc-brand:{}}}</style>", colour)


@register.inclusion_tag("comensha_content/core/site_brand.html", takes_context=True)
def site_brand(context, page=None):
    """The site's logo (its name as text alternative) or name, linking to the home page."""
    site_root = None
    if page is not None and hasattr(page, "get_site"):
        site = page.get_site()
        site_root = site.root_page.localized if site else None
    theme = _theme(context)
    return {
        "site_root": site_root,
        "logo": theme["logo"] if theme else None,
        "request": context.get("request"),
    }
