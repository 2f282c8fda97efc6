"""Template tags for reader safety: the quick-exit button and per-page robots/social meta.

``{% load comensha_safety %}`` then ``{% quick_exit %}`` first in ``<body>`` and
``{% robots_meta page %}`` in ``<head>``; comensha_content/base.html does both.
``{{ items|public_pages_only }}`` keeps the ``{"page": …}`` items whose page is public.
``{% footer_helplines page %}`` lists the site's helplines in the page's language (the footer).
"""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import to_locale
from wagtail.models import Locale

from comensha_content.blocks.reader_safety import tel_href
from comensha_content.core.visibility import is_publicly_visible
from comensha_content.safety.media import RANDOM_NAME
from comensha_content.safety.models import quick_exit_data_for_request
from comensha_content.taxonomy.models import Helpline

register = template.Library()

#: Milliseconds within which three presses of Shift leave the page.
SHIFT_WINDOW_MS = 1000
SHIFT_PRESSES = 3
DESCRIPTION_LENGTH = 200
#: A page's own opening text, the description when its editor wrote none (first one set).
SUMMARY_FIELDS = ("lede", "summary", "intro", "plain_language_summary")
#: Helplines in the footer: enough for the emergency number and the main lines, not a directory.
FOOTER_HELPLINES = 4


def _locale_of(page):
    locale = getattr(page, "locale", None)
    return locale if isinstance(locale, Locale) else Locale.get_active()


@register.filter
def public_pages_only(items):
    """The items (``{"page": page, ...}`` or pages) whose page an anonymous reader may see.

    A link to an unpublished, expired or view-restricted page is left out, title included.
    """
    return [
        item
        for item in items or ()
        if is_publicly_visible(item.get("page") if isinstance(item, dict) else item)
    ]


@register.inclusion_tag("comensha_content/safety/quick_exit.html", takes_context=True)
def quick_exit(context):
    """The quick-exit button (a plain link without JavaScript) and its cover overlay."""
    request = context.get("request")
    quick_exit = quick_exit_data_for_request(request, _locale_of(context.get("page")))
    return {
        "quick_exit": quick_exit,
        "shift_window_ms": SHIFT_WINDOW_MS,
        "shift_presses": SHIFT_PRESSES,
    }


def page_description(page, social=True):
    """The page's search description, else (social previews allowed) its own opening text.

    Search engines and link previews both read ``<meta name="description">``: a page without
    social previews shows only the description its editor wrote for search engines.
    """
    description = getattr(page, "search_description", "")
    if not description and social:
        description = next(
            (text for field in SUMMARY_FIELDS if (text := getattr(page, field, "") or "")), ""
        )
    return Truncator(" ".join(strip_tags(str(description)).split())).chars(DESCRIPTION_LENGTH)


@register.inclusion_tag("comensha_content/safety/robots_meta.html", takes_context=True)
def robots_meta(context, page=None):
    """``<meta name="robots">`` and Open Graph tags, as the page's visibility fields allow."""
    if page is None:
        return {}
    request = context.get("request")
    social = not getattr(page, "no_social_preview", False)
    description = page_description(page, social)
    data = {
        "noindex": getattr(page, "noindex", False),
        "social": social,
        "description": description,
    }
    if social:
        locale = getattr(page, "locale", None)
        data.update(
            title=getattr(page, "seo_title", "") or page.title,
            url=page.get_full_url(request) if hasattr(page, "get_full_url") else "",
            og_locale=to_locale(locale.language_code) if locale else "",
        )
    return data


@register.filter
def image_metadata_removed(image):
    """Whether the image's original was stored by ``safety.media`` (a random file name it gave).

    The image edit page says so; an older image not yet cleaned by ``strip_image_metadata`` says
    that instead (the name alone tells, the file is not read).
    """
    return bool(image.file) and bool(RANDOM_NAME.match(image.file.name.rsplit("/", 1)[-1]))


@register.inclusion_tag("comensha_content/safety/footer_helplines.html", takes_context=True)
def footer_helplines(context, page=None):
    """The first helplines (by their order) in the page's language, else the default's.

    Every page ends with a way to get help: a reader who is in danger may not get as far as the
    helpline block of a story. Read on every request (one query), not cached: a changed phone
    number must reach readers at once, however it was changed.
    """
    return {"helplines": _footer_helpline_entries(_locale_of(page))}


def _footer_helpline_entries(locale):
    ordered = Helpline.objects.order_by("sort_order", "name").select_related("locale")
    helplines = list(ordered.filter(locale=locale)[:FOOTER_HELPLINES])
    if not helplines:
        helplines = list(ordered.filter(locale=Locale.get_default())[:FOOTER_HELPLINES])
    return [
        {
            "name": helpline.name,
            "phone_number": helpline.phone_number,
            "phone_href": tel_href(helpline.phone_number),
            "hours": helpline.hours,
            "url": helpline.url,
            "lang": helpline.locale.language_code if helpline.locale_id != locale.pk else "",
        }
        for helpline in helplines
    ]
