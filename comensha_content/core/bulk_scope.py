"""One listing, one load: objects every item of an API listing shares are fetched once.

Serialising a listing of 20 pages would otherwise repeat per page what one page needs once: the
view restrictions, the active locale, a taxonomy's terms in a language, and the objects each
page's StreamFields choose (one ``in_bulk`` query per block type *per page*). Inside
``bulk_scope()`` those lookups are remembered, and ``preload_chosen(pages, field_names)`` reads
the chosen ids of all pages' streams first and fetches each chooser's objects in one query, so a
listing takes the same queries for ``limit=1`` and ``limit=20``.

Only for the duration of one response: nothing outlives the ``with`` block, so nothing stale is
ever served. Outside a scope every helper computes as before.
"""

import copy
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail import blocks

_current = ContextVar("comensha_bulk_scope", default=None)


class BulkScope:
    def __init__(self):
        self.memo = {}
        #: ``{chooser key: {pk: object}}`` loaded by ``preload_chosen``.
        self.chosen = {}


def current_scope():
    return _current.get()


@contextmanager
def bulk_scope():
    """Remember shared lookups until the block ends (nested scopes share the outer one)."""
    if _current.get() is not None:
        yield _current.get()
        return
    token = _current.set(BulkScope())
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def memoized(key, compute):
    """``compute()``, once per scope for ``key`` (every time outside a scope)."""
    scope = _current.get()
    if scope is None:
        return compute()
    if key not in scope.memo:
        scope.memo[key] = compute()
    return scope.memo[key]


def chooser_key(block):
    """Chooser blocks that load the same objects the same way share one preloaded map."""
    return (type(block), block.model_class)


def preloaded(block, values):
    """The objects for ``values`` (ids) if ``preload_chosen`` loaded them all, else None."""
    scope = _current.get()
    if scope is None:
        return None
    objects = scope.chosen.get(chooser_key(block))
    if objects is None or any(v is not None and v not in objects for v in values):
        return None
    return objects


def _walk(block, raw, found):
    """Collect ``{chooser key: (block, set of ids)}`` from a stored (raw) block value."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw if isinstance(raw, list | tuple) else getattr(raw, "raw_data", raw):
            if isinstance(child, dict) and child.get("type") in block.child_blocks:
                _walk(block.child_blocks[child["type"]], child.get("value"), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw if isinstance(raw, list | tuple) else ():
            value = item.get("value") if isinstance(item, dict) and "type" in item else item
            _walk(block.child_block, value, found)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                _walk(child, raw.get(name), found)
    elif isinstance(block, blocks.ChooserBlock) and hasattr(block, "get_bulk_queryset"):
        if isinstance(raw, int) or (isinstance(raw, str) and raw.isdigit()):
            entry = found.setdefault(chooser_key(block), (block, set()))
            entry[1].add(int(raw))


def preload_chosen(pages, field_names):
    """Fetch what the StreamFields ``field_names`` of ``pages`` choose, one query per chooser.

    Only choosers with ``get_bulk_queryset()`` (the package's, ``blocks/choosers.py``) take part;
    their ``bulk_to_python`` then reads the preloaded objects in this scope.
    """
    scope = _current.get()
    if scope is None or not pages:
        return
    found = {}
    for page in pages:
        for name in field_names:
            value = getattr(page, name, None)
            stream_block = getattr(value, "stream_block", None)
            if stream_block is not None:
                _walk(stream_block, value.raw_data, found)
    for key, (block, ids) in found.items():
        objects = scope.chosen.setdefault(key, {})
        missing = ids - set(objects)
        if missing:
            objects.update(block.preload_objects(missing))
        from wagtail.models import TranslatableMixin

        model = block.model_class
        if issubclass(model, TranslatableMixin) and objects:
            # their translations too, for ``localized_instance`` (one query per chooser)
            _load_translations(model, {obj.translation_key for obj in objects.values()})


# --- locales and translations of what the listed pages choose ---------------------------------


def with_locale(obj):
    """``obj`` with its locale attached from the scope's one query of every locale."""
    if _current.get() is None or "locale" in obj._state.fields_cache:
        return obj
    from wagtail.models import Locale

    locales = memoized("locales", lambda: Locale.objects.in_bulk())
    if obj.locale_id in locales:
        obj.locale = locales[obj.locale_id]
    return obj


MISSING = object()


def _load_translations(model, translation_keys):
    scope = _current.get()
    loaded = scope.memo.setdefault(("translation keys", model), set())
    keys = set(translation_keys) - loaded
    if not keys:
        return
    table = scope.memo.setdefault(("translations", model), {})
    for obj in model._default_manager.filter(translation_key__in=keys).select_related("locale"):
        table[(obj.translation_key, obj.locale_id)] = obj
    loaded.update(keys)


def preloaded_translation(obj, locale_id):
    """``obj``'s translation in ``locale_id`` (None: it has none), or MISSING (not preloaded)."""
    scope = _current.get()
    if scope is None:
        return MISSING
    model = type(obj)
    if obj.translation_key not in scope.memo.get(("translation keys", model), ()):
        return MISSING
    found = scope.memo[("translations", model)].get((obj.translation_key, locale_id))
    return None if found is None else copy.copy(found)


def remember(key, value):
    """Keep ``value`` for ``key`` in the scope (a page type's ``prepare_api_listing``)."""
    scope = _current.get()
    if scope is not None:
        scope.memo[key] = value


def recall(key):
    """What ``remember`` kept for ``key``, or MISSING."""
    scope = _current.get()
    return MISSING if scope is None else scope.memo.get(key, MISSING)


def recalled(key, compute):
    """What ``remember`` kept for ``key``, else ``compute()``."""
    value = recall(key)
    return compute() if value is MISSING else value
