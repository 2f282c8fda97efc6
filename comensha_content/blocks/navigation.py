"""Getting around a story: chapter anchors and the table of contents, and calls to action.

Chapter anchors are made unique in one place, ``stream_with_anchors``: the table of contents,
the chapter headings' ids in HTML and the API's ``anchor`` all come from it, so a link in the
table of contents always lands on its chapter. Duplicates get "-2", "-3", ... in stream order.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from comensha_content.blocks.choosers import PageChooserBlock
from comensha_content.blocks.fields import (
    GROUP_NAVIGATION,
    PREVIEW_TEMPLATE,
    LinkURLBlock,
    RequiredCharBlock,
    output_url,
)
from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.stored import TolerantStoredValueMixin
from comensha_content.blocks.struct import ContentStructBlock
from comensha_content.blocks.text import ChapterBlock
from comensha_content.core.locales import fallback_language
from comensha_content.core.representation import page_link_representation

#: Ids the page itself uses (the main landmark, footnotes), which a chapter must not take.
RESERVED_ANCHORS = frozenset({"main"})
RESERVED_ANCHOR_PREFIXES = ("fn-",)


def _unique(anchor, used):
    if anchor.startswith(RESERVED_ANCHOR_PREFIXES):
        anchor = f"chapter-{anchor}"
    candidate, number = anchor, 2
    while candidate in used:
        candidate = f"{anchor}-{number}"
        number += 1
    used.add(candidate)
    return candidate


def stream_with_anchors(stream_value):
    """``[(child, anchor)]`` for a stream: the chapter's unique anchor, None for other blocks."""
    used = set(RESERVED_ANCHORS)
    pairs = []
    for child in stream_value or ():
        anchor = None
        if isinstance(child.block, ChapterBlock):
            anchor = _unique(child.value.anchor_id, used)
        pairs.append((child, anchor))
    return pairs


def table_of_contents(stream_value):
    """``[{"anchor", "title"}]`` of the chapters in a stream, with the anchors the HTML uses."""
    return [
        {"anchor": anchor, "title": child.value.get("heading", "")}
        for child, anchor in stream_with_anchors(stream_value)
        if anchor is not None
    ]


class AnchoredStreamBlock(TolerantStoredValueMixin, blocks.StreamBlock):
    """A StreamBlock whose chapters get unique anchors in HTML and in the API.

    Its template renders each child with ``id`` (the stream child's id, for unique DOM ids) and
    ``chapter_anchor`` (from ``stream_with_anchors``).
    """

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["stream_children"] = stream_with_anchors(value)
        return context

    def get_api_representation(self, value, context=None):
        items = super().get_api_representation(value, context=context)
        for item, (_child, anchor) in zip(items, stream_with_anchors(value), strict=True):
            if anchor is not None and isinstance(item.get("value"), dict):
                item["value"]["anchor"] = anchor
        return items

    class Meta:
        template = "comensha_content/blocks/stream.html"


class CallToActionValue(blocks.StructValue):
    def link_for(self, request=None):
        """``{url, is_external, page}`` of the target, the page in the active language.

        A chosen page that is not public (``core.visibility``) is left out: ``page`` and
        ``url`` are None, as if none was chosen, unless an external address is given too.
        """
        page = self.get("page")
        page_link = page_link_representation(page, request=request) if page is not None else None
        if page_link is not None:
            return {"url": page_link["url"], "is_external": False, "page": page_link}
        url = output_url(self.get("url")) or None
        return {"url": url, "is_external": bool(url), "page": None}

    @property
    def link(self):
        """``link_for()`` plus what a template needs to mark a fallback page's language."""
        link = self.link_for()
        page = link["page"]
        link["hreflang"] = page["locale"] if page and page["is_fallback"] else ""
        link["fallback_language"] = fallback_language(page)
        return link


class CallToActionBlock(ContentStructBlock):
    """A short text and a link to what the reader can do next: a page here or elsewhere."""

    text = blocks.TextBlock(label=_("Text"), required=False)
    link_label = RequiredCharBlock(
        label=_("Link text"),
        max_length=100,
        help_text=_("Say where the link goes, e.g. 'Read the Kompas'."),
        required_message=_("Enter the link text, e.g. 'Read the Kompas'."),
    )
    page = PageChooserBlock(label=_("Page on this site"), required=False)
    url = LinkURLBlock(
        label=_("Other web address"),
        required=False,
        help_text=_("Only if the link goes to another site. Use either a page or an address."),
    )

    class Meta:
        icon = "link"
        label = _("Call to action")
        group = GROUP_NAVIGATION
        template = "comensha_content/blocks/call_to_action.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A short text and a prominent link to a page on this site or elsewhere.")
        preview_value = {
            "text": _("Municipalities can raise barriers against offenders."),
            "link_label": _("Read the Kompas"),
            "page": None,
            "url": "https://kompasaanpakmensenhandel.vng.nl/",
        }
        value_class = CallToActionValue

    def field_errors(self, value):
        has_page, has_url = value.get("page") is not None, bool(value.get("url"))
        if has_page and has_url:
            return {
                "url": ValidationError(
                    _("Choose a page or enter a web address, not both."), code="two_targets"
                )
            }
        if not (has_page or has_url or self.is_saving_draft):
            return {
                "page": ValidationError(
                    _(
                        "Choose a page on this site, or enter a web address under 'Other web address'."
                    ),
                    code="no_target",
                )
            }
        return {}

    def get_api_representation(self, value, context=None):
        link = value.link_for(context.get("request") if context else None)
        data = super().get_api_representation(self.api_value(value), context)
        # The link's target: the chosen page (in the active language, not its id) or the address
        data["url"] = link["url"]
        data["is_external"] = link["is_external"]
        data["page"] = link["page"]
        return data


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
