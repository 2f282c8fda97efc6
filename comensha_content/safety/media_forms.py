"""The image form that refuses a file whose metadata cannot be removed, with a form error.

Why: Wagtail's own validation reads only an image's header, so a truncated photo passes it and
then cannot be re-encoded (``safety.media``); refusing it in the form gives the editor (and API
v3 clients, as a 422) a message instead of a server error. Wagtail's extension point is the
``WAGTAILIMAGES_IMAGE_FORM_BASE`` setting; a system check warns a site that does not use it.
"""

from django import forms
from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from comensha_content.safety.media import PREPARED, UNREADABLE, clean_image_data

FORM_PATH = "comensha_content.safety.media_forms.MetadataFreeImageForm"


class MetadataFreeImageField(WagtailImageField):
    """Wagtail's image field; a new file is re-encoded while validating (once, see ``PREPARED``).

    Also turns the decoding error of Wagtail's own pixel-size check on a truncated file (a
    server error in Wagtail 8.0) into this form error.
    """

    def to_python(self, data):
        try:
            upload = super().to_python(data)
            if upload is None or upload.name.lower().endswith(".svg"):
                return upload
            upload.seek(0)
            prepared = clean_image_data(upload.read())
        except UNREADABLE as error:
            raise ValidationError(
                _(
                    "This image cannot be read completely, so its metadata cannot be removed. "
                    "Export or save it again and upload the new file."
                ),
                code="comensha_unreadable_image",
            ) from error
        upload.seek(0)
        setattr(upload, PREPARED, prepared)
        return upload


class MetadataFreeImageForm(BaseImageForm):
    """Wagtail's image form with ``MetadataFreeImageField`` as its file field."""

    file = MetadataFreeImageField(widget=forms.FileInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:  # the label Wagtail's own field has
            self.fields["file"].label = capfirst(
                self._meta.model._meta.get_field("file").verbose_name
            )


@register(Tags.security)
def check_image_form_base(app_configs, **kwargs):
    path = getattr(settings, "WAGTAILIMAGES_IMAGE_FORM_BASE", "")
    try:
        form = import_string(path) if path else BaseImageForm
    except ImportError:
        return []  # Wagtail reports the setting itself
    if isinstance(form, type) and issubclass(form, MetadataFreeImageForm):
        return []
    return [
        Warning(
            "The image form does not refuse photos whose metadata cannot be removed.",
            hint=f"Set WAGTAILIMAGES_IMAGE_FORM_BASE = {FORM_PATH!r} (or a subclass of it); "
            "without it, a truncated upload is refused with a server error instead of a form "
            "error. Its metadata is never stored either way.",
            id="comensha_content.W040",
        )
    ]
