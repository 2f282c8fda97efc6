"""JSON representations shared by the blocks and the page serialisers.

One place decides how an image, a chosen page, a chosen snippet and rich text look in the API,
so a front end gets the same shape wherever they appear:

- images carry renditions, alt text, caption and credit, never the original file's URL (it may be
  a photo of a person in a story, at full resolution and with its metadata);
- choosers are resolved to the translation in the active language, falling back visibly
  (``is_fallback``) to the source when there is none; a chosen page that is not public is
  left out (None), title and id included;
- rich text follows ``WAGTAILAPI_RICH_TEXT_FORMAT`` or the API's ``?rich_text_format=``.
"""

import functools

from django.conf import settings
from wagtail.rich_text import RichText, expand_db_html

from comensha_content.core.conf import get_setting
from comensha_content.core.locales import localized_instance
from comensha_content.core.visibility import is_publicly_visible

try:  # Wagtail 8: one resolver for every rich text output format (db_html, html, markdown, ...)
    from wagtail.api.rich_text import APIRichText
except ImportError:  # Wagtail 7.4
    APIRichText = None

try:
    from wagtail.api.utils import get_full_url
except ImportError:  # Wagtail 7.4 keeps it in the v2 package
    from wagtail.api.v2.utils import get_full_url

#: Context key the API layer sets to the validated ``?rich_text_format=`` value.
RICH_TEXT_FORMAT_CONTEXT_KEY = "rich_text_format"
#: The same, as Wagtail 8's v2 API views set it.
WAGTAIL_RICH_TEXT_FORMAT_CONTEXT_KEY = "_wagtail_rich_text_format"


# --- Rich text ---------------------------------------------------------------------------------


def _known_rich_text_formats():
    if APIRichText is not None:
        return set(APIRichText._serializers())
    return {"html", "db_html"}


def rich_text_format_from_context(context):
    """The rich text output format an API caller asked for, or None for the site default.

    Reads the format the API layer validated (``rich_text_format`` or Wagtail 8's
    ``_wagtail_rich_text_format`` in the serialiser context), else the request's
    ``?rich_text_format=`` when it names a known format; an unknown value there is ignored
    rather than turning a read into an error (the API layer reports it).
    """
    if not context:
        return None
    for key in (RICH_TEXT_FORMAT_CONTEXT_KEY, WAGTAIL_RICH_TEXT_FORMAT_CONTEXT_KEY):
        if context.get(key):
            return context[key]
    request = context.get("request")
    requested = request.GET.get("rich_text_format") if request is not None else None
    if requested in _known_rich_text_formats():
        return requested
    return None


def rich_text_representation(value, rich_text_format=None):
    """Rich text (a RichText or a database-HTML string) in the API's output format.

    ``rich_text_format`` overrides ``WAGTAILAPI_RICH_TEXT_FORMAT``; "html" expands internal
    links and embeds to front-end HTML, the default keeps Wagtail's database format. On Wagtail 8
    every format Wagtail's API knows is supported (including markdown); an unknown explicit
    format raises ValueError for the API layer to answer with 400.
    """
    if value is None:
        return None
    source = value.source if isinstance(value, RichText) else str(value)
    if APIRichText is not None:
        resolved = APIRichText.resolve_format(rich_text_format)
        return APIRichText.serialize(source, format=resolved)
    resolved = rich_text_format or getattr(settings, "WAGTAILAPI_RICH_TEXT_FORMAT", "db_html")
    if resolved == "html":
        return expand_db_html(source)
    if rich_text_format is not None and resolved not in _known_rich_text_formats():
        raise ValueError(f"Unknown rich text format {rich_text_format!r}.")
    return source


def term_representation(term):
    """A taxonomy term as its model shapes it, plus ``is_fallback`` like other choosers."""
    return {
        **term.get_api_representation(),
        "is_fallback": bool(getattr(term, "is_fallback", False)),
    }


def page_link_representation(page, request=None):
    """A chosen page as ``{id, type, locale, title, url, is_fallback}``, in the active language.

    None when the page (in the active language, else its source) is not public: unpublished,
    expired or view-restricted (``core.visibility``). Its id, type and title are left out too,
    since they tell what is being written. ``url`` may still be None for a public page outside
    every site.
    """
    if page is None:
        return None
    localized, is_fallback = localized_instance(page)
    if not is_publicly_visible(localized, request):
        return None
    model = localized.specific_class or type(localized)
    return {
        "id": localized.pk,
        "type": f"{model._meta.app_label}.{model.__name__}",
        "locale": localized.locale.language_code,
        "title": localized.title,
        "url": localized.get_url(request=request),
        "is_fallback": is_fallback,
    }


def public_page_links(pages, request=None):
    """``page_link_representation`` of each of ``pages`` that is public; the others left out."""
    links = (page_link_representation(page, request) for page in pages)
    return [link for link in links if link is not None]


def snippet_representation(snippet):
    """A chosen snippet's own ``get_api_representation()``, in the active language."""
    if snippet is None:
        return None
    localized, is_fallback = localized_instance(snippet)
    return {**localized.get_api_representation(), "is_fallback": is_fallback}


# --- Images ------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _rendition_filters(specs):
    """``((name, Filter), ...)`` for ``((name, spec), ...)``: Filter objects are reused, as
    Wagtail's ``{% image %}`` tag reuses its own (parsing a spec costs more than the lookup)."""
    from wagtail.images.models import Filter

    return tuple((name, Filter(spec=spec)) for name, spec in specs)


def prefetch_image_renditions(images):
    """Load the configured renditions of ``images`` in one query (as ``prefetch_renditions``)."""
    from django.db.models import Prefetch, prefetch_related_objects

    if not images:
        return
    specs = [filter_.spec for _name, filter_ in _configured_filters()]
    model = type(images[0]).get_rendition_model()
    prefetch_related_objects(
        images,
        Prefetch(
            "renditions",
            queryset=model.objects.filter(filter_spec__in=specs),
            to_attr="prefetched_renditions",  # where Wagtail's get_renditions() looks
        ),
    )


def _configured_filters():
    return _rendition_filters(tuple(get_setting("IMAGE_RENDITIONS").items()))


def image_renditions(image):
    """``{name: rendition}`` for COMENSHA_CONTENT_IMAGE_RENDITIONS, made in one bulk call.

    Returns an empty dict when the image or its source file is missing, so a page renders
    without the picture instead of failing. Uses renditions prefetched with the image
    (``prefetch_renditions``, as the image chooser blocks do) without a query.
    """
    if image is None:
        return {}
    from wagtail.images.models import SourceImageIOError

    filters = _configured_filters()
    try:
        by_spec = image.get_renditions(*(filter_ for _name, filter_ in filters))
    except SourceImageIOError:
        return {}
    renditions = {}
    for name, filter_ in filters:
        clean_spec = image.clean_filter_for_svg(filter_).spec
        rendition = by_spec.get(clean_spec) or by_spec.get(filter_.spec)
        if rendition is not None:
            renditions[name] = rendition
    return renditions


def image_representation(image, *, alt="", decorative=False, caption="", credit="", request=None):
    """An image as ``{id, alt, decorative, caption, credit, width, height, renditions}``.

    ``width``/``height`` are the original's (for the aspect ratio); ``renditions`` maps each
    configured name to ``{url, width, height}``. The original file's URL is never included.
    """
    if image is None:
        return None
    return {
        "id": image.pk,
        "alt": "" if decorative else alt,
        "decorative": bool(decorative),
        "caption": caption or "",
        "credit": credit or "",
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": get_full_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
            for name, rendition in image_renditions(image).items()
        },
    }


__all__ = [
    "image_renditions",
    "image_representation",
    "page_link_representation",
    "public_page_links",
    "rich_text_format_from_context",
    "rich_text_representation",
    "snippet_representation",
    "term_representation",
]
