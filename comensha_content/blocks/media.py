"""Images, video/audio and documents.

Images are served as renditions only (never the original file: it may be a photo of a person in a
story, at full resolution with its metadata). Video and audio from another site load only after
the reader asks for them: until then the page makes no request to that site.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from comensha_content.blocks.choosers import ImageChooserBlock
from comensha_content.blocks.fields import (
    GROUP_MEDIA,
    PREVIEW_TEMPLATE,
    EmbedURLBlock,
    LimitedRichTextBlock,
    RequiredCharBlock,
    output_url,
)
from comensha_content.blocks.paths import stable_paths
from comensha_content.blocks.struct import ContentStructBlock
from comensha_content.core.representation import (
    get_full_url,
    image_renditions,
    image_representation,
)

#: The ``sizes`` attribute of an image per layout: how wide it is shown.
IMAGE_SIZES = {
    "inline": "(min-width: 44rem) 42rem, 100vw",
    "wide": "(min-width: 66rem) 64rem, 100vw",
    "full-bleed": "100vw",
}


def picture(image, sizes="100vw"):
    """What an <img> needs: src, srcset, sizes, width and height, from the configured renditions.

    ``src`` is the middle size, for browsers that ignore srcset. Returns None without renditions.
    """
    renditions = sorted(image_renditions(image).values(), key=lambda rendition: rendition.width)
    by_width = {rendition.width: rendition for rendition in renditions}
    if not by_width:
        return None
    unique = list(by_width.values())
    fallback = unique[len(unique) // 2]
    return {
        "src": fallback.url,
        "srcset": ", ".join(f"{rendition.url} {rendition.width}w" for rendition in unique),
        "sizes": sizes,
        "width": str(fallback.width),
        "height": str(fallback.height),
    }


def request_from(context):
    return context.get("request") if context else None


def image_description(image):
    """The description saved with the image in the image library (Wagtail 6.3+), or ""."""
    return (getattr(image, "description", "") or "").strip() if image else ""


class ImageValue(blocks.StructValue):
    @property
    def alt(self):
        """The alt attribute: the block's alt text, else the image's own description (so it is
        written once, in the library); empty only for a decorative image, which readers skip."""
        if self.get("decorative"):
            return ""
        return (self.get("alt_text") or "").strip() or image_description(self.get("image"))

    @property
    def picture(self):
        return picture(
            self.get("image"), IMAGE_SIZES.get(self.get("layout"), IMAGE_SIZES["inline"])
        )


class ImageBlock(ContentStructBlock):
    """An image with alt text (unless decorative), caption, credit and a layout."""

    class Layout:
        INLINE = "inline"
        WIDE = "wide"
        FULL_BLEED = "full-bleed"

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=400,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty to use the "
            "description saved with the image. Never name or describe a person so they can be "
            "recognised."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative"),
        required=False,
        help_text=_(
            "Tick only if the image adds nothing to the text; screen readers then skip it."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=400)
    credit = blocks.CharBlock(
        label=_("Credit"), required=False, max_length=200, help_text=_("E.g. the photographer.")
    )
    layout = blocks.ChoiceBlock(
        label=_("Layout"),
        choices=[
            (Layout.INLINE, _("Text width")),
            (Layout.WIDE, _("Wide")),
            (Layout.FULL_BLEED, _("Full width")),
        ],
        default=Layout.INLINE,
    )

    class Meta:
        icon = "image"
        label = _("Image")
        group = GROUP_MEDIA
        template = "comensha_content/blocks/image.html"
        preview_template = PREVIEW_TEMPLATE
        description = _(
            "An image with alt text, caption and credit, at text width, wide or full width."
        )
        value_class = ImageValue

        @staticmethod
        def preview_value():
            from wagtail.images import get_image_model

            return {
                "image": get_image_model().objects.order_by("-created_at").first(),
                "alt_text": "",
                "decorative": True,
                "caption": _("Example caption."),
                "credit": "",
                "layout": "inline",
            }

    def field_errors(self, value):
        if self.is_saving_draft or value.get("decorative") or value.alt:
            return {}
        return {
            "alt_text": ValidationError(
                _(
                    "Describe the image for people who cannot see it, here or in the image's "
                    "description under Images, or tick 'Decorative' if it adds nothing to the text."
                ),
                code="alt_required",
            )
        }

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        # Alt text, caption and credit are given inside the image's representation, not beside it
        for name in ("alt_text", "decorative", "caption", "credit"):
            del data[name]
        data["image"] = image_representation(
            value.get("image"),
            alt=value.alt,
            decorative=value.get("decorative", False),
            caption=value.get("caption", ""),
            credit=value.get("credit", ""),
            request=request_from(context),
        )
        # An empty layout is shown at text width
        data["layout"] = value.get("layout") or self.Layout.INLINE
        return data


class MediaValue(blocks.StructValue):
    @property
    def host(self):
        """The other site's host name, as a reader recognises it (without "www.")."""
        host = urlsplit(output_url(self.get("embed_url")) or "").hostname or ""
        return host.removeprefix("www.")

    @property
    def is_audio(self):
        return self.get("kind") == MediaBlock.Kind.AUDIO

    @property
    def load_label(self):
        if self.is_audio:
            return gettext("Load audio from %(host)s") % {"host": self.host}
        return gettext("Load video from %(host)s") % {"host": self.host}

    @property
    def open_label(self):
        if self.is_audio:
            return gettext("Listen on %(host)s") % {"host": self.host}
        return gettext("Watch the video on %(host)s") % {"host": self.host}

    @property
    def privacy_notice(self):
        return gettext(
            "This is played from %(host)s, another website. When you load it, %(host)s can see "
            "your IP address and may store cookies."
        ) % {"host": self.host}

    @property
    def poster_picture(self):
        return picture(self.get("poster"), IMAGE_SIZES["inline"])


class MediaBlock(ContentStructBlock):
    """Video or audio from another site that loads only when the reader asks, with a transcript."""

    class Kind:
        VIDEO = "video"
        AUDIO = "audio"

    title = RequiredCharBlock(
        label=_("Title"), max_length=200, required_message=_("Give the video or audio a title.")
    )
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[(Kind.VIDEO, _("Video")), (Kind.AUDIO, _("Audio"))],
        default=Kind.VIDEO,
    )
    embed_url = EmbedURLBlock(
        label=_("Player address"),
        help_text=_(
            "The embed address from the video or audio site, e.g. "
            "https://www.youtube-nocookie.com/embed/…. Nothing loads until the reader chooses to."
        ),
    )
    poster = ImageChooserBlock(
        label=_("Poster image"),
        required=False,
        help_text=_("Shown before the player loads. Stored on this site."),
    )
    transcript = LimitedRichTextBlock(
        label=_("Transcript"),
        required_message=_(
            "Add a transcript: readers who cannot watch or hear the recording need it."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video or audio")
        group = GROUP_MEDIA
        template = "comensha_content/blocks/media.html"
        preview_template = PREVIEW_TEMPLATE
        description = _(
            "Video or audio from another site. It loads only when the reader chooses to; the "
            "transcript is always on the page."
        )
        preview_value = {
            "title": _("Example video"),
            "kind": "video",
            "embed_url": "https://www.youtube-nocookie.com/embed/example",
            "poster": None,
            "transcript": _("<p>Example transcript of the video.</p>"),
        }
        value_class = MediaValue

    dom_id_prefix = "cc-media"

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(self.api_value(value), context)
        data["host"] = value.host
        # The poster's renditions, not the chooser's image id
        data["poster"] = image_representation(
            value.get("poster"), decorative=True, request=request_from(context)
        )
        return data


class DocumentValue(blocks.StructValue):
    @property
    def shown_title(self):
        document = self.get("document")
        return self.get("title") or (document.title if document else "")

    @property
    def file_type(self):
        document = self.get("document")
        return document.file_extension.upper() if document else ""

    @property
    def file_size(self):
        """Size in bytes, or None if the file is missing (read without saving, unlike Wagtail's)."""
        document = self.get("document")
        if document is None:
            return None
        if document.file_size is not None:
            return document.file_size
        try:
            return document.file.size
        except (OSError, ValueError):
            return None

    @property
    def file_size_display(self):
        size = self.file_size
        return filesizeformat(size) if size is not None else ""


class DocumentBlock(ContentStructBlock):
    """A document to download, with its file type and size."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=250,
        help_text=_("Leave empty to use the document's own title."),
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        group = GROUP_MEDIA
        template = "comensha_content/blocks/document.html"
        preview_template = PREVIEW_TEMPLATE
        description = _("A document to download, shown with its file type and size.")
        value_class = DocumentValue

        @staticmethod
        def preview_value():
            from wagtail.documents import get_document_model

            return {
                "document": get_document_model().objects.order_by("-created_at").first(),
                "title": "",
                "description": _("Example description of the document."),
            }

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        if document is None:
            return None
        data = super().get_api_representation(self.api_value(value), context)
        # The document is given by its id, url and file details below, not as the chooser's id
        del data["document"]
        data["id"] = document.pk
        # The document's own title when the editor left this one empty
        data["title"] = value.shown_title
        data["url"] = get_full_url(request_from(context), document.url)
        data["file_type"] = document.file_extension.lower()
        data["file_size"] = value.file_size
        data["file_size_display"] = value.file_size_display
        return data


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
