"""The storytelling block library, one module per family; public names re-exported here.

Build page bodies from ``StoryBodyBlock`` (or from the single blocks); list a stream's chapters
with ``table_of_contents``. Every block has a template, a preview for the block picker and a
``get_api_representation`` that gives a front end everything in one request.

Every public block class deconstructs to ``comensha_content.blocks.<ClassName>`` (see
``paths.py``), so migrations do not depend on the module a block is defined in.
"""

from comensha_content.blocks.body import StoryBodyBlock
from comensha_content.blocks.choosers import (
    ImageChooserBlock,
    PageChooserBlock,
    SnippetChooserBlock,
)
from comensha_content.blocks.facts import FactBlock, FactsBlock, TimelineBlock, TimelineItemBlock
from comensha_content.blocks.fields import (
    INLINE_FEATURES,
    PARAGRAPH_FEATURES,
    AnchorBlock,
    EmbedURLBlock,
    LimitedRichTextBlock,
    LinkURLBlock,
    RequiredCharBlock,
    SafeURLBlock,
    SafeURLValidator,
    SoftLimitTextBlock,
    WebURLBlock,
    YearBlock,
)
from comensha_content.blocks.media import DocumentBlock, ImageBlock, MediaBlock
from comensha_content.blocks.navigation import (
    AnchoredStreamBlock,
    CallToActionBlock,
    stream_with_anchors,
    table_of_contents,
)
from comensha_content.blocks.numbers import TypedNumberBlock
from comensha_content.blocks.people import ProfessionalPerspectiveBlock, TestimonyBlock
from comensha_content.blocks.reader_safety import (
    ContentWarningBlock,
    ContentWarningBodyBlock,
    HelplineBlock,
)
from comensha_content.blocks.sources import SourceBlock, SourcesBlock
from comensha_content.blocks.struct import ContentStructBlock
from comensha_content.blocks.text import (
    AccordionBlock,
    AccordionItemBlock,
    ChapterBlock,
    ParagraphBlock,
    PullQuoteBlock,
)

__all__ = [
    "INLINE_FEATURES",
    "PARAGRAPH_FEATURES",
    "AccordionBlock",
    "AccordionItemBlock",
    "AnchorBlock",
    "AnchoredStreamBlock",
    "CallToActionBlock",
    "ChapterBlock",
    "ContentStructBlock",
    "ContentWarningBlock",
    "ContentWarningBodyBlock",
    "DocumentBlock",
    "EmbedURLBlock",
    "FactBlock",
    "FactsBlock",
    "HelplineBlock",
    "ImageBlock",
    "ImageChooserBlock",
    "LimitedRichTextBlock",
    "LinkURLBlock",
    "MediaBlock",
    "PageChooserBlock",
    "ParagraphBlock",
    "ProfessionalPerspectiveBlock",
    "PullQuoteBlock",
    "RequiredCharBlock",
    "SafeURLBlock",
    "SafeURLValidator",
    "SnippetChooserBlock",
    "SoftLimitTextBlock",
    "SourceBlock",
    "SourcesBlock",
    "StoryBodyBlock",
    "TestimonyBlock",
    "TimelineBlock",
    "TimelineItemBlock",
    "TypedNumberBlock",
    "WebURLBlock",
    "YearBlock",
    "stream_with_anchors",
    "table_of_contents",
]
