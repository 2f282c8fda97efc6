"""The storytelling block library, one module per family; public names re-exported here.

Build page bodies from ``StoryBodyBlock`` (or from the single blocks); list a stream's chapters
with ``table_of_contents``. Every block has a template, a preview for the block picker and a
``get_api_representation`` that gives a front end everything in one request.
"""

from .facts import FactBlock, FactsBlock, TimelineBlock, TimelineItemBlock
from .leaves import (
    INLINE_FEATURES,
    PARAGRAPH_FEATURES,
    EmbedURLBlock,
    LimitedRichTextBlock,
    LinkURLBlock,
    RequiredCharBlock,
    WebURLBlock,
    YearBlock,
)
from .media import DocumentBlock, ImageBlock, MediaBlock
from .navigation import (
    AnchoredStreamBlock,
    CallToActionBlock,
    stream_with_anchors,
    table_of_contents,
)
from .people import ProfessionalPerspectiveBlock, TestimonyBlock
from .safety import ContentWarningBlock, HelplineBlock
from .sources import SourceBlock, SourcesBlock
from .story import StoryBodyBlock
from .text import AccordionBlock, ChapterBlock, ParagraphBlock, PullQuoteBlock

__all__ = [
    "INLINE_FEATURES",
    "PARAGRAPH_FEATURES",
    "AccordionBlock",
    "AnchoredStreamBlock",
    "CallToActionBlock",
    "ChapterBlock",
    "ContentWarningBlock",
    "DocumentBlock",
    "EmbedURLBlock",
    "FactBlock",
    "FactsBlock",
    "HelplineBlock",
    "ImageBlock",
    "LimitedRichTextBlock",
    "LinkURLBlock",
    "MediaBlock",
    "ParagraphBlock",
    "ProfessionalPerspectiveBlock",
    "PullQuoteBlock",
    "RequiredCharBlock",
    "SourceBlock",
    "SourcesBlock",
    "StoryBodyBlock",
    "TestimonyBlock",
    "TimelineBlock",
    "TimelineItemBlock",
    "WebURLBlock",
    "YearBlock",
    "stream_with_anchors",
    "table_of_contents",
]
