"""Reading stored block values of any shape without an exception.

A StreamField's JSON may hold what an earlier block definition, an import or a bug wrote: a
string where a struct is now, a list where a string was, a chooser id that is not a number, a
stream child of a type that no longer exists. Wagtail's ``to_python`` raises on most of these,
which turns a page, its preview or the API into a 500. ``coerce_stored`` brings a raw value into
the JSON shape the block expects, recursively, dropping what cannot fit: a struct then takes the
child's default, a stream or list drops the item. Values of the right shape pass unchanged, so
validation still reports wrong content to the editor.
"""

import datetime
import json
import numbers
from decimal import Decimal

from django.db import models
from django.utils.dateparse import parse_date
from django.utils.functional import Promise
from wagtail import blocks

#: A raw value that cannot be read as the block's stored form.
UNREADABLE = object()

STRING_BLOCKS = (
    blocks.CharBlock,
    blocks.TextBlock,
    blocks.RichTextBlock,
    blocks.URLBlock,
    blocks.EmailBlock,
    blocks.RegexBlock,
    blocks.ChoiceBlock,
    blocks.MultipleChoiceBlock,
    blocks.RawHTMLBlock,
    blocks.BlockQuoteBlock,
)
NUMBER_BLOCKS = (blocks.IntegerBlock, blocks.FloatBlock, blocks.DecimalBlock)


def _is_number(raw):
    return isinstance(raw, numbers.Number) and not isinstance(raw, bool)


def _chooser_id(block, raw):
    if isinstance(raw, models.Model):
        return raw  # a native value (a preview or default value), not stored JSON
    if isinstance(raw, str) and raw.isascii() and raw.isdigit():
        raw = int(raw)
    if not isinstance(raw, int) or isinstance(raw, bool):
        return None
    big = block.model_class._meta.pk.get_internal_type() in ("BigAutoField", "BigIntegerField")
    return raw if 0 < raw < (2**63 if big else 2**31) else None


def _date(raw):
    if isinstance(raw, datetime.date):
        return raw
    try:
        return raw if isinstance(raw, str) and parse_date(raw) else None
    except ValueError:
        return None


def _struct(block, raw):
    if not isinstance(raw, dict):
        return {}
    readable = {}
    for name, child in block.child_blocks.items():
        if name in raw:
            value = coerce_stored(child, raw[name])
            if value is not UNREADABLE:
                readable[name] = value
    return readable


def _stream(block, raw):
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return raw  # old rich text: Wagtail keeps it as the empty stream's raw_text
    if not isinstance(raw, list | tuple):
        return []
    children = []
    for item in raw:
        if not isinstance(item, dict) or item.get("type") not in block.child_blocks:
            continue
        value = coerce_stored(block.child_blocks[item["type"]], item.get("value"))
        if value is UNREADABLE:
            continue
        child = {"type": item["type"], "value": value}
        if isinstance(item.get("id"), str):
            child["id"] = item["id"]
        children.append(child)
    return children


def _list(block, raw):
    if not isinstance(raw, list | tuple):
        return []
    items = []
    for item in raw:
        in_block_format = isinstance(item, dict) and item.get("type") == "item" and "value" in item
        value = coerce_stored(block.child_block, item["value"] if in_block_format else item)
        if value is UNREADABLE:
            continue
        item_id = item.get("id") if in_block_format else None
        if isinstance(item_id, str):
            items.append({"type": "item", "value": value, "id": item_id})
        else:
            items.append(value)
    if any(isinstance(item, dict) and item.get("type") == "item" for item in items):
        # Wagtail reads each item in one format: give every item the block format
        items = [
            item
            if isinstance(item, dict) and item.get("type") == "item" and "id" in item
            else {"type": "item", "value": item, "id": None}
            for item in items
        ]
    return items


def coerce_stored(block, raw):
    """``raw`` in the JSON shape ``block.to_python`` reads, or UNREADABLE for a struct's child."""
    if isinstance(block, blocks.StructBlock):
        return _struct(block, raw)
    if isinstance(block, blocks.StreamBlock):
        return _stream(block, raw)
    if isinstance(block, blocks.ListBlock):
        return _list(block, raw)
    if isinstance(block, blocks.ChooserBlock):  # page, image, document and snippet choosers
        return _chooser_id(block, raw)
    if isinstance(block, blocks.DateBlock):
        return _date(raw)
    if isinstance(block, blocks.BooleanBlock):
        return raw if isinstance(raw, bool) else UNREADABLE
    if isinstance(block, NUMBER_BLOCKS):
        if raw is None or _is_number(raw):
            return raw
        try:
            return raw if isinstance(raw, str) and Decimal(raw).is_finite() else UNREADABLE
        except ArithmeticError:  # not a number at all
            return UNREADABLE
    if isinstance(block, blocks.MultipleChoiceBlock):
        return raw if isinstance(raw, list) and all(isinstance(v, str) for v in raw) else []
    if isinstance(block, STRING_BLOCKS) or isinstance(block, blocks.FieldBlock):
        if raw is None or isinstance(raw, str | Promise):  # Promise: a lazy translation
            return raw
        return str(raw) if _is_number(raw) else UNREADABLE
    return raw


def _readable(block, raw):
    value = coerce_stored(block, raw)
    if value is UNREADABLE:
        return block.get_prep_value(block.get_default())
    return value


class TolerantStoredValueMixin:
    """Reads stored values of any shape (see ``coerce_stored``) instead of raising."""

    def to_python(self, value):
        if isinstance(value, blocks.StreamValue | blocks.StructValue | blocks.list_block.ListValue):
            return value
        return super().to_python(_readable(self, value))

    def bulk_to_python(self, values):
        return super().bulk_to_python([_readable(self, value) for value in values])
