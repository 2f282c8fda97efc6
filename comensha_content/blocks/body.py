"""The body of a longread story: every storytelling block, in the order editors pick them."""

from django.utils.translation import gettext_lazy as _

from comensha_content.blocks.facts import FactBlock, TimelineBlock
from comensha_content.blocks.media import DocumentBlock, ImageBlock, MediaBlock
from comensha_content.blocks.navigation import AnchoredStreamBlock, CallToActionBlock
from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.people import ProfessionalPerspectiveBlock, TestimonyBlock
from comensha_content.blocks.reader_safety import ContentWarningBlock, HelplineBlock
from comensha_content.blocks.text import (
    AccordionBlock,
    ChapterBlock,
    ParagraphBlock,
    PullQuoteBlock,
)


class StoryBodyBlock(AnchoredStreamBlock):
    """A story's body. Chapters get unique anchors; ``navigation.table_of_contents`` lists them."""

    chapter = ChapterBlock()
    paragraph = ParagraphBlock()
    pull_quote = PullQuoteBlock()
    testimony = TestimonyBlock()
    perspective = ProfessionalPerspectiveBlock()
    fact = FactBlock()
    image = ImageBlock()
    media = MediaBlock()
    timeline = TimelineBlock()
    call_to_action = CallToActionBlock()
    helpline = HelplineBlock()
    content_warning = ContentWarningBlock()
    document = DocumentBlock()
    accordion = AccordionBlock()

    class Meta:
        label = _("Story")


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
