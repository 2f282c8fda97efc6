"""Running text of a story: chapters (with anchors for the table of contents), paragraphs, quotes."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from comensha_content.blocks.fields import (
    GROUP_TEXT,
    PREVIEW_TEMPLATE,
    AnchorBlock,
    LimitedRichTextBlock,
    RequiredCharBlock,
    SoftLimitTextBlock,
    slug_anchor,
)
from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.people import PSEUDONYM_HELP, marked_name, pseudonym_note
from comensha_content.blocks.struct import ContentStructBlock


class ChapterValue(blocks.StructValue):
    @property
    def anchor_id(self):
        """The editor's anchor, else one made from the heading.

        Unique on a page only after ``navigation.stream_with_anchors`` (which the story body
        uses); this is the anchor before de-duplication.
        """
        return self.get("anchor") or slug_anchor(self.get("heading"), fallback="chapter")


class ChapterBlock(ContentStructBlock):
    """The start of a chapter: a heading in the table of contents, with an optional intro."""

    heading = RequiredCharBlock(
        label=_("Heading"),
        max_length=200,
        required_message=_("Give the chapter a heading; it is shown in the table of contents."),
    )
    intro = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        help_text=_("One or two sentences shown under the heading."),
    )
    anchor = AnchorBlock(
        label=_("Anchor"),
        help_text=_(
            "Optional. The part after # in a link to this chapter, the same in every language. "
            "Left empty, it is made from the heading."
        ),
    )

    class Meta:
        icon = "h2"
        label = _("Chapter")
        group = GROUP_TEXT
        template = "comensha_content/blocks/chapter.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Starts a chapter. Its heading appears in the story's table of contents.")
        preview_value = {
            "heading": _("How it started"),
            "intro": _("Example: a short introduction to the chapter."),
            "anchor": "",
        }
        value_class = ChapterValue

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        # The anchor made from the heading when the editor gave none
        data["anchor"] = value.anchor_id
        return data


class ParagraphBlock(LimitedRichTextBlock):
    """Running text with PARAGRAPH_FEATURES: bold, italic, links (also "#fn-1") and lists."""

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        group = GROUP_TEXT
        template = "comensha_content/blocks/paragraph.html"
        preview_template = PREVIEW_TEMPLATE
        description = _(
            "Text with bold, italic, links and lists. Link to a source with an anchor link "
            "such as #fn-1."
        )
        preview_value = _(
            "<p>Example text. Of the estimated <b>5,000 to 7,500</b> victims of human "
            "trafficking a year, only a small number are in view.</p>"
        )


#: Past this many characters a pull quote gets a warning in the editor (it still saves).
PULL_QUOTE_SOFT_LIMIT = 200


class PullQuoteValue(blocks.StructValue):
    @property
    def is_pseudonym(self):
        return bool(self.get("attribution_name") and self.get("attribution_is_pseudonym"))

    @property
    def display_name(self):
        """The name as printed: with the same asterisk as a testimony when it is changed."""
        return marked_name(self.get("attribution_name"), self.is_pseudonym)

    @property
    def attribution(self):
        """ "Name*, role", as printed under the quote."""
        return ", ".join(
            str(part) for part in (self.display_name, self.get("attribution_role")) if part
        )

    @property
    def pseudonym_note(self):
        return pseudonym_note(self.is_pseudonym)


class PullQuoteBlock(ContentStructBlock):
    """A striking sentence from the story, set large, with who said it."""

    quote = SoftLimitTextBlock(
        label=_("Quote"),
        soft_limit=PULL_QUOTE_SOFT_LIMIT,
        help_text=_("One or two sentences: up to about 200 characters reads best."),
    )
    attribution_name = blocks.CharBlock(label=_("Name"), required=False, max_length=200)
    attribution_is_pseudonym = blocks.BooleanBlock(
        label=_("The name is changed"), required=False, default=False, help_text=PSEUDONYM_HELP
    )
    attribution_role = blocks.CharBlock(
        label=_("Role"), required=False, max_length=200, help_text=_("E.g. 'care coordinator'.")
    )

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        group = GROUP_TEXT
        template = "comensha_content/blocks/pull_quote.html"
        # Who said it stays the same in a translation (editable): core.prefilled_translations
        prefilled_from_source = ("attribution_name",)
        preview_template = PREVIEW_TEMPLATE
        description = _("A striking quote set large, with the name and role of who said it.")
        preview_value = {
            "quote": _("Only together can we tackle human trafficking."),
            "attribution_name": "CoMensha",
            "attribution_is_pseudonym": False,
            "attribution_role": "",
        }
        value_class = PullQuoteValue

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        # Always a bool, also for a value stored before the flag existed
        data["attribution_is_pseudonym"] = value.is_pseudonym
        data["attribution"] = value.attribution
        data["display_name"] = value.display_name
        data["pseudonym_note"] = value.pseudonym_note
        return data


class AccordionItemBlock(ContentStructBlock):
    """A question and its answer, folded away until the reader opens it."""

    question = RequiredCharBlock(
        label=_("Question"), max_length=250, required_message=_("Enter the question.")
    )
    answer = LimitedRichTextBlock(label=_("Answer"), required_message=_("Enter the answer."))

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "comensha_content/blocks/accordion_item.html"

    def get_api_representation(self, value, context=None):
        return super().get_api_representation(self.api_value(value), context)


class AccordionBlock(ContentStructBlock):
    """Questions and answers the reader opens one by one (HTML details/summary, no JS needed)."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        group = GROUP_TEXT
        template = "comensha_content/blocks/accordion.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("Questions with answers that open one by one.")
        preview_value = {
            "heading": _("Frequently asked questions"),
            "items": [
                {
                    "question": _("What is human trafficking?"),
                    "answer": _(
                        "<p>Example: exploiting someone for sex, work or crime, or forcing "
                        "them to give up an organ.</p>"
                    ),
                }
            ],
        }

    dom_id_prefix = "cc-accordion"

    def get_api_representation(self, value, context=None):
        return super().get_api_representation(self.api_value(value), context)


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
