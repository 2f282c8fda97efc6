"""Images and documents in the API: only what public pages use, never an image's original file.

Wagtail's images and documents endpoints list every file in the library: photos of people not
(yet) in any published story, a draft report's PDF, their titles and file names. Here an
anonymous client sees only media that a public page (``core.visibility``) uses, according to
Wagtail's reference index (``wagtail.models.ReferenceIndex``: foreign keys such as a hero
image, chooser blocks in StreamFields, rich-text embeds). Anything else is absent from listings
and a 404 in detail.

- API v2: register ``PublicImagesAPIViewSet`` and ``PublicDocumentsAPIViewSet`` instead of
  Wagtail's ``ImagesAPIViewSet`` and ``DocumentsAPIViewSet``. API v2 has no tokens, so they
  filter for every client. Images have no ``download_url`` (the original file); a page's image
  field gives renditions instead. A document's ``download_url`` stays: it is the document
  itself, which the public page that uses it links to anyway.
- API v3 (Wagtail 8): mount ``comensha_v3_urls`` (``api/v3_urls.py``), which filters the
  images and documents of an anonymous request the same way, empties every image's
  ``meta.download_url`` and asks a token for the listings unless
  ``COMENSHA_CONTENT_PUBLIC_MEDIA_API`` is True (``api/v3_media.py``).

The reference index is Wagtail's: it follows a page's database row, which for a live page is
its published content (a saved draft does not change it). Where a site runs Wagtail's tasks in
the background, a newly published image appears once the index task has run; after importing
content without signals, run ``manage.py rebuild_references_index``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from comensha_content.api.http_headers import RequestLanguageMixin
from comensha_content.api.v2 import ValidSearchOperatorMixin
from comensha_content.core.visibility import page_model, public_pages


def used_on_public_pages(queryset):
    """``queryset`` (images, documents, any indexed model) narrowed to what public pages use.

    Filters on primary keys only, so Wagtail's search backends still accept the queryset.
    """
    from wagtail.models import ReferenceIndex

    model = queryset.model
    page_ids = public_pages().annotate(id_text=Cast("pk", CharField())).values("id_text")
    used = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(model, for_concrete_model=True),
        base_content_type=ContentType.objects.get_for_model(page_model()),
        object_id__in=page_ids,
    ).values_list("to_object_id", flat=True)
    to_pk = model._meta.pk.to_python
    return queryset.filter(pk__in={to_pk(value) for value in used.distinct()})


def _without(names, *removed):
    return [name for name in names if name not in removed]


class PublicMediaMixin(RequestLanguageMixin, ValidSearchOperatorMixin):
    """A v2 media endpoint serving only what public pages use (see the module docstring)."""

    def get_queryset(self):
        return used_on_public_pages(super().get_queryset())


class PublicImagesAPIViewSet(PublicMediaMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint: images used on public pages, without the original's URL."""

    meta_fields = _without(ImagesAPIViewSet.meta_fields, "download_url")
    listing_default_fields = _without(ImagesAPIViewSet.listing_default_fields, "download_url")
    nested_default_fields = _without(ImagesAPIViewSet.nested_default_fields, "download_url")


class PublicDocumentsAPIViewSet(PublicMediaMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint: documents used on public pages."""


__all__ = ["PublicDocumentsAPIViewSet", "PublicImagesAPIViewSet", "used_on_public_pages"]
