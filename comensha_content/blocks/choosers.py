"""Chooser blocks that fetch what rendering needs in the same bulk query as the chosen objects.

Wagtail already loads a stream's chosen objects per block type in one ``in_bulk`` query
(``bulk_to_python``). These subclasses only change that query: chosen pages and snippets come
with their locale (every representation names its language) and whether a view restriction
covers them (``core.visibility``), images with the configured
renditions (``prefetch_renditions``). A page of 1,000 blocks then takes as many queries as a page
of 10.

They deconstruct as Wagtail's own classes, so StreamField definitions in migrations stay the same.
"""

import copy
import functools

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock as WagtailImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock as WagtailSnippetChooserBlock

from comensha_content.blocks.paths import stable_paths
from comensha_content.core.bulk_scope import preloaded
from comensha_content.core.conf import get_setting
from comensha_content.core.visibility import mark_restrictions


class BulkQuerysetMixin:
    """``bulk_to_python`` through ``get_bulk_queryset()`` (Wagtail uses the default manager)."""

    def get_bulk_queryset(self):
        return self.model_class._default_manager.all()

    def _in_bulk(self, ids):
        """``{pk: object}`` for ``ids``, unordered: the answer is a dict, and Django's
        ``ORDER BY`` (a page's tree path, an image's date) costs a good part of the query's
        compilation."""
        return self.get_bulk_queryset().order_by().in_bulk(list(ids))

    def preload_objects(self, ids):
        """``{pk: object}`` for ``ids``, for every page of an API listing at once (bulk_scope)."""
        return self._in_bulk(ids)

    def bulk_to_python(self, values):
        objects = preloaded(self, values)
        shared = objects is not None  # loaded for the whole listing: each page gets copies
        if not shared:
            objects = self._in_bulk(value for value in values if value is not None)
        seen, result = set(), []
        for pk in values:
            obj = objects.get(pk)
            if obj is not None and (shared or pk in seen):
                obj = copy.copy(obj)  # Wagtail gives each occurrence its own instance
            result.append(obj)
            seen.add(pk)
        return result

    def to_python(self, value):
        if value is None:
            return None
        return self.bulk_to_python([value])[0]


@functools.cache
def stream_field_names(model):
    """The StreamFields of ``model``'s own and inherited columns (cached per model)."""
    from wagtail.fields import StreamField

    return tuple(
        field.name for field in model._meta.concrete_fields if isinstance(field, StreamField)
    )


class PageChooserBlock(BulkQuerysetMixin, blocks.PageChooserBlock):
    """Wagtail's PageChooserBlock; chosen pages come with their locale.

    A chosen page is shown as a link (title, URL, a story's lede), never with its own
    StreamFields: those are deferred, so a related story's body is not read and parsed with it.
    """

    canonical_module_path = "wagtail.blocks.PageChooserBlock"

    def get_bulk_queryset(self):
        queryset = super().get_bulk_queryset().select_related("locale")
        deferred = stream_field_names(self.model_class)
        return queryset.defer(*deferred) if deferred else queryset

    def bulk_to_python(self, values):
        """The chosen pages, each noting whether a view restriction covers it (one query)."""
        pages = super().bulk_to_python(values)
        mark_restrictions(pages)
        return pages


class SnippetChooserBlock(BulkQuerysetMixin, WagtailSnippetChooserBlock):
    """Wagtail's SnippetChooserBlock; translatable snippets come with their locale."""

    canonical_module_path = "wagtail.snippets.blocks.SnippetChooserBlock"

    def get_bulk_queryset(self):
        queryset = super().get_bulk_queryset()
        if any(field.name == "locale" for field in self.model_class._meta.concrete_fields):
            queryset = queryset.select_related("locale")
        return queryset


class ImageChooserBlock(BulkQuerysetMixin, WagtailImageChooserBlock):
    """Wagtail's ImageChooserBlock; images come with COMENSHA_CONTENT_IMAGE_RENDITIONS."""

    canonical_module_path = "wagtail.images.blocks.ImageChooserBlock"

    def get_bulk_queryset(self):
        specs = get_setting("IMAGE_RENDITIONS").values()
        return super().get_bulk_queryset().prefetch_renditions(*specs)


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
