"""Words in a StreamField value, for reading time: walks every text leaf on the server."""

import math
import re

from django.utils.html import strip_tags
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.rich_text import RichText

WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def iter_text(value):
    """Yield every text leaf of a block value (rich text stripped of markup)."""
    if isinstance(value, RichText):
        yield strip_tags(value.source)
    elif isinstance(value, str):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from iter_text(child.value)
    elif isinstance(value, StructValue):
        for child in value.values():
            yield from iter_text(child)
    elif isinstance(value, ListValue | list | tuple):
        for child in value:
            yield from iter_text(getattr(child, "value", child))


def count_words(*texts):
    return sum(len(WORD.findall(text)) for text in texts if text)


def reading_minutes(word_count, words_per_minute):
    """Whole minutes, at least one for any text."""
    if word_count <= 0:
        return 0
    return max(1, math.ceil(word_count / words_per_minute))
