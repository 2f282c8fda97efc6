"""The body of a longread story: every storytelling block, in the order editors pick them."""

from django.utils.translation import gettext_lazy as _

from .facts import FactBlock, TimelineBlock
from .media import DocumentBlock, ImageBlock, MediaBlock
from .navigation import AnchoredStreamBlock, CallToActionBlock
from .people import ProfessionalPerspectiveBlock, TestimonyBlock
from .safety import ContentWarningBlock, HelplineBlock
from .text import AccordionBlock, ChapterBlock, ParagraphBlock, PullQuoteBlock


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
