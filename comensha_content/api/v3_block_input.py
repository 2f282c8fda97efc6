"""API v3 writes: a StreamField value in its read shape turned into what its blocks store.

A client reads a story, changes one text and sends the body back. The read shape carries keys
the server derives (a chapter's anchor, a fact's ``display``, an image's renditions, a
testimony's ``display_name``) and moves some children (a fact's source under ``source``, an
image's alt text inside ``image``); ``block_input`` accepts that shape, ignores the derived keys
and maps the moved ones back. Every problem is collected with its path
(``("body", 3, "value", "maximum")``) instead of being raised at the first, so one answer names
every bad value; nothing here raises on malformed input.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.blocks import ChooserBlock, RichTextBlock
from wagtail.blocks.list_block import ListBlock, ListBlockValidationError
from wagtail.blocks.stream_block import BaseStreamBlock, StreamBlockValidationError
from wagtail.blocks.struct_block import BaseStructBlock, StructBlockValidationError

from comensha_content.blocks.facts import FactBlock
from comensha_content.blocks.media import DocumentBlock, ImageBlock, MediaBlock
from comensha_content.blocks.navigation import AnchoredStreamBlock, stream_with_anchors
from comensha_content.blocks.text import ChapterBlock


class BlockErrors(list):
    """``[(loc, code, message)]``, in the order the values were met."""

    def add(self, loc, message, code="invalid"):
        self.append((tuple(loc), code, str(message)))


def path_text(loc):
    """``("body", 3, "value", "maximum")`` as ``body[3].value.maximum``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


# -- read shape -> stored shape, per block whose representation moves children ---------------


def _object_id(value):
    return value.get("id") if isinstance(value, dict) else value


def _fact_input(value):
    source = value.get("source")
    if isinstance(source, dict):
        value = {**value}
        value.setdefault("source_title", source.get("title"))
        value.setdefault("source_url", source.get("url"))
        value.setdefault("year", source.get("year"))
    return value


def _image_input(value):
    image = value.get("image")
    if isinstance(image, dict):
        value = {**value, "image": image.get("id")}
        for read_name, name in (
            ("alt", "alt_text"),
            ("decorative", "decorative"),
            ("caption", "caption"),
            ("credit", "credit"),
        ):
            if read_name in image:
                value.setdefault(name, image[read_name])
    return value


def _media_input(value):
    return {**value, "poster": _object_id(value.get("poster"))} if "poster" in value else value


def _document_input(value):
    if "document" not in value and "id" in value:
        return {**value, "document": value["id"]}
    return value


#: Blocks whose read representation is not their children's: the inverse of each.
READ_SHAPE_INVERSES = {
    FactBlock: _fact_input,
    ImageBlock: _image_input,
    MediaBlock: _media_input,
    DocumentBlock: _document_input,
}


def _inverse_for(block):
    for cls in type(block).__mro__:
        if cls in READ_SHAPE_INVERSES:
            return READ_SHAPE_INVERSES[cls]
    return None


# -- walking the value ---------------------------------------------------------------------


def block_input(block, value, loc, errors):
    """``value`` (read or stored shape) as ``block`` stores it; problems go to ``errors``."""
    if isinstance(block, BaseStreamBlock):
        return _stream_input(block, value, loc, errors)
    if isinstance(block, ListBlock):
        return _list_input(block, value, loc, errors)
    if isinstance(block, BaseStructBlock):
        return _struct_input(block, value, loc, errors)
    if isinstance(block, ChooserBlock):
        return _chooser_input(block, value, loc, errors)
    if isinstance(block, RichTextBlock):
        return _rich_text_input(block, value, loc, errors)
    return _leaf_input(block, value, loc, errors)


def _stream_input(block, value, loc, errors):
    if value is None:
        return []
    if not isinstance(value, list):
        errors.add(loc, _("Expected a list of blocks, each {type, value}."), "type_error")
        return []
    items = []
    for index, item in enumerate(value):
        item_loc = (*loc, index)
        if not isinstance(item, dict) or "type" not in item:
            errors.add(
                item_loc, _("Expected a block: an object with type and value."), "type_error"
            )
            continue
        child = block.child_blocks.get(item["type"])
        if child is None:
            errors.add(
                (*item_loc, "type"),
                _("Unknown block type %(type)s; use one of: %(types)s.")
                % {"type": repr(item["type"]), "types": ", ".join(block.child_blocks)},
                "unknown_block_type",
            )
            continue
        entry = {
            "type": item["type"],
            "value": block_input(child, item.get("value"), (*item_loc, "value"), errors),
        }
        if item.get("id"):
            entry["id"] = str(item["id"])
        items.append(entry)
    if isinstance(block, AnchoredStreamBlock) and not errors:
        _drop_derived_anchors(block, items)
    return items


def _anchors(block, items):
    try:
        return [anchor for _child, anchor in stream_with_anchors(block.to_python(items))]
    except Exception:  # noqa: BLE001 - a value the walk let through but to_python refuses
        return None


def _drop_derived_anchors(block, items):
    """A chapter's anchor as the read shape gives it, when the server derived it, stays unset.

    The read shape gives every chapter its anchor (from the heading unless an editor set one);
    written back, a derived anchor would pin what should follow the heading.
    """
    for index, item in enumerate(items):
        value = item["value"]
        if item["type"] not in block.child_blocks or not isinstance(
            block.child_blocks[item["type"]], ChapterBlock
        ):
            continue
        sent = value.get("anchor") if isinstance(value, dict) else None
        if not sent:
            continue
        blank = [*items[:index], {**item, "value": {**value, "anchor": ""}}, *items[index + 1 :]]
        anchors = _anchors(block, blank)
        if anchors is not None and anchors[index] == sent:
            value["anchor"] = ""


def _list_input(block, value, loc, errors):
    if value is None:
        return []
    if not isinstance(value, list):
        errors.add(loc, _("Expected a list."), "type_error")
        return []
    items = []
    for index, item in enumerate(value):
        # Wagtail stores list items as {type: "item", value, id}; the read shape gives values,
        # and Wagtail's v3 form input takes values (it makes the ids).
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            item = item["value"]
        items.append(block_input(block.child_block, item, (*loc, index), errors))
    return items


def _struct_input(block, value, loc, errors):
    if value is None:
        value = {}
    if not isinstance(value, dict):
        errors.add(loc, _("Expected an object."), "type_error")
        return {}
    inverse = _inverse_for(block)
    if inverse is not None:
        value = inverse(value)
    # Keys that are not children (anchors, display texts, renditions) are derived: ignored.
    return {
        name: block_input(child, value[name], (*loc, name), errors)
        for name, child in block.child_blocks.items()
        if name in value
    }


def _chooser_input(block, value, loc, errors):
    value = _object_id(value)
    if value in (None, ""):
        return None
    model = block.model_class
    try:
        pk = int(value)
    except (TypeError, ValueError):
        errors.add(loc, _("Expected the id of a %(model)s.") % {"model": model._meta.verbose_name})
        return None
    queryset = model._default_manager.filter(pk=pk)
    if not queryset.exists():
        errors.add(
            loc,
            _("There is no %(model)s with id %(id)s.")
            % {"model": model._meta.verbose_name, "id": pk},
            "does_not_exist",
        )
        return None
    return pk


def _rich_text_input(block, value, loc, errors):
    from wagtail.api.rich_text import APIRichText  # Wagtail 8 only

    if value is None:
        return ""
    try:
        db_html, _removals = APIRichText.convert_input(value, features=block.features)
    except (ValueError, TypeError) as error:
        errors.add(loc, error)
        return ""
    return db_html


def _leaf_input(block, value, loc, errors):
    """A field block's value: kept as sent when its form field reads it, else an error.

    The form field decides, not ``to_python``: a tolerant block reads "z" as no year, which
    would drop the client's value without a word.
    """
    field = getattr(block, "field", None)
    try:
        if field is not None and value not in (None, "", [], {}):
            field.clean(value)
        block.to_python(value)
    except ValidationError as error:
        errors.add(loc, " ".join(error.messages), getattr(error, "code", None) or "invalid")
        return None
    except Exception:  # noqa: BLE001 - any value a field block cannot read is the client's error
        errors.add(loc, _leaf_message(block, value))
        return None
    return value


def _leaf_message(block, value):
    field = getattr(block, "field", None)
    if field is not None:
        try:
            field.clean(value)
        except ValidationError as error:
            return " ".join(error.messages)
        except Exception:  # noqa: BLE001, S110 - fall back to the generic message
            pass
    return _("Enter a valid value.")


# -- the blocks' own validation, with paths ----------------------------------------------------


def block_validation_errors(block, stored, loc, errors, *, deferred_required=False):
    """Run ``block.clean`` on ``stored`` as the admin form does; its errors go to ``errors``.

    ``deferred_required``: a draft may leave required values empty (as in the admin), so
    "required" errors are dropped.
    """
    try:
        block.clean(block.to_python(stored))
    except ValidationError as error:
        found = BlockErrors()
        _collect(error, loc, found)
        for item in found:
            if deferred_required and item[1] == "required":
                continue
            errors.append(item)
    except Exception:  # noqa: BLE001 - reported, never a 500
        errors.add(loc, _("Enter a valid value."))


def _collect(error, loc, errors):
    if isinstance(error, StreamBlockValidationError):
        for message in error.non_block_errors or ():
            errors.add(loc, message, getattr(message, "code", None) or "invalid")
        for index, child_error in (error.block_errors or {}).items():
            _collect(child_error, (*loc, index, "value"), errors)
    elif isinstance(error, StructBlockValidationError | ListBlockValidationError):
        for message in error.non_block_errors or ():
            errors.add(loc, message, "invalid")
        for key, child_error in (error.block_errors or {}).items():
            _collect(child_error, (*loc, key), errors)
    else:
        for item in error.error_list if hasattr(error, "error_list") else [error]:
            message = item.message % item.params if item.params else item.message
            errors.add(loc, message, item.code or "invalid")
