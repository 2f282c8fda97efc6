"""Store every ListBlock item in Wagtail's block format, with an id, so it can be translated.

A ListBlock stored as a plain list (``["a", "b"]``, the format before Wagtail 2.16, or what code
writes when it assigns raw data to a StreamField) renders fine, but wagtail-localize extracts no
segment from it: its extractor keys each item's segments on the item's id and skips a list whose
items have none. Translators are then never offered those texts and the translation keeps the
source language (the demo index's highlighted facts stayed Dutch on /en/longread/).

``with_list_item_ids`` rewrites raw StreamField data so that every list item, at any depth, is
``{"type": "item", "value": ..., "id": "<uuid>"}``; ids that exist are kept, so the segments of a
list stay the same from one save to the next. ``normalise_stream_fields`` applies it to a model
instance before it is saved, and ``normalise_revision_content`` to a revision's stored content:
the ids written once are the ids every later publish and translation sync sees.
"""

import json
import uuid

from wagtail import blocks
from wagtail.fields import StreamField


def _random_id(_path):
    return str(uuid.uuid4())


def stable_id(key):
    """An id function for a data migration: the same id for the same item of the same object.

    A page's live row and its latest revision are rewritten separately; with ids derived from
    ``key`` (object and field) and the item's position, both get the same ids, so publishing
    that revision later keeps the list's segments and their translations.
    """
    return lambda path: str(uuid.uuid5(uuid.NAMESPACE_URL, f"comensha-list-item:{key}{path}"))


def _list_item(block, item, new_id, path):
    if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
        value = with_list_item_ids(block.child_block, item["value"], new_id, path)
        return {**item, "value": value, "id": item.get("id") or new_id(path)}
    value = with_list_item_ids(block.child_block, item, new_id, path)
    return {"type": "item", "value": value, "id": new_id(path)}


def with_list_item_ids(block, raw, new_id=_random_id, path=""):
    """``raw`` (the JSON of ``block``'s value) with every list item in block format, with an id.

    ``new_id(path)`` makes the id of an item that has none (``path``: the item's position).
    """
    if isinstance(block, blocks.ListBlock):
        if not isinstance(raw, list | tuple):
            return raw
        return [
            _list_item(block, item, new_id, f"{path}/{index}") for index, item in enumerate(raw)
        ]
    if isinstance(block, blocks.StreamBlock):
        if not isinstance(raw, list | tuple):
            return raw
        children = []
        for index, child in enumerate(raw):
            if isinstance(child, dict) and child.get("type") in block.child_blocks:
                child_block = block.child_blocks[child["type"]]
                position = f"{path}/{child.get('id') or index}"
                value = with_list_item_ids(child_block, child.get("value"), new_id, position)
                child = {**child, "value": value}
            children.append(child)
        return children
    if isinstance(block, blocks.StructBlock):
        if not isinstance(raw, dict):
            return raw
        return {
            name: with_list_item_ids(block.child_blocks[name], value, new_id, f"{path}/{name}")
            if name in block.child_blocks
            else value
            for name, value in raw.items()
        }
    return raw


def _stored_stream(field, value):
    """The JSON list ``field`` stores for ``value``, or None when it is not a stream (old text)."""
    prep = field.get_prep_value(value)
    if isinstance(prep, str):
        try:
            prep = json.loads(prep)
        except ValueError:
            return None
    return prep if isinstance(prep, list) else None


def _raw_data(value):
    if isinstance(value, blocks.StreamValue):
        return list(value.raw_data)
    return value


def normalise_stream_fields(instance):
    """Give every list item of ``instance``'s StreamFields an id, before it is saved."""
    for field in instance._meta.concrete_fields:
        if not isinstance(field, StreamField):
            continue
        value = getattr(instance, field.attname)
        stored = _stored_stream(field, value)
        if stored is None:
            continue
        normalised = with_list_item_ids(field.stream_block, stored)
        if normalised != _raw_data(value):
            # A fresh value from the normalised JSON: what wagtail-localize reads (the raw data)
            # is then what is saved, ids included.
            setattr(instance, field.attname, field.to_python(normalised))


def normalise_revision_content(revision):
    """Give every list item in a revision's stored StreamFields an id (revisions store JSON text)."""
    model = revision.content_type.model_class() if revision.content_type_id else None
    content = revision.content
    if model is None or not isinstance(content, dict):
        return
    for field in model._meta.concrete_fields:
        if not isinstance(field, StreamField) or not isinstance(content.get(field.name), str):
            continue
        try:
            stored = json.loads(content[field.name])
        except ValueError:
            continue
        if not isinstance(stored, list):
            continue
        normalised = with_list_item_ids(field.stream_block, stored)
        if normalised != stored:
            content[field.name] = json.dumps(normalised)


def normalise_before_save(sender, instance, raw=False, **kwargs):
    """pre_save receiver: list items get ids before any model with StreamFields is written."""
    if raw:
        return  # loaddata: keep fixtures exactly as they are
    from wagtail.models import Revision

    if isinstance(instance, Revision):
        normalise_revision_content(instance)
    elif any(isinstance(field, StreamField) for field in sender._meta.concrete_fields):
        normalise_stream_fields(instance)


def migrate_stored_lists(apps, schema_editor):
    """Data migration: every stored list of the app's models and their revisions gets item ids.

    Rows are rewritten with ``QuerySet.update`` (no save signals, no new revision); each page's
    or snippet's revisions with the same stable ids as its row.
    """
    revision_model = apps.get_model("wagtailcore", "Revision")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    for model in apps.get_app_config("comensha_content").get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, StreamField)]
        if not fields or model._meta.proxy:
            continue
        for row in model._base_manager.only("pk", *(f.attname for f in fields)).iterator():
            changes = {}
            for field in fields:
                stored = _stored_stream(field, getattr(row, field.attname))
                if stored is None:
                    continue
                key = f"{model._meta.label_lower}:{row.pk}:{field.name}"
                normalised = with_list_item_ids(field.stream_block, stored, stable_id(key))
                if normalised != stored:
                    changes[field.attname] = field.to_python(normalised)
            if changes:
                model._base_manager.filter(pk=row.pk).update(**changes)
        content_type = content_type_model.objects.filter(
            app_label=model._meta.app_label, model=model._meta.model_name
        ).first()
        if content_type is None:
            continue
        for revision in revision_model.objects.filter(content_type=content_type).iterator():
            content, changed = revision.content, False
            if not isinstance(content, dict):
                continue
            for field in fields:
                try:
                    stored = json.loads(content.get(field.name) or "null")
                except (TypeError, ValueError):
                    continue
                if not isinstance(stored, list):
                    continue
                key = f"{model._meta.label_lower}:{revision.object_id}:{field.name}"
                normalised = with_list_item_ids(field.stream_block, stored, stable_id(key))
                if normalised != stored:
                    content[field.name] = json.dumps(normalised)
                    changed = True
            if changed:
                revision_model.objects.filter(pk=revision.pk).update(content=content)
