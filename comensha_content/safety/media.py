"""Photos carry no metadata: every stored original is re-encoded without EXIF, XMP, IPTC or comments.

Why: a testimony's photo must not tell where it was taken (GPS), by whom (Artist) or with what
(camera Make/Model), and its file name must not repeat the name it was uploaded under. Renditions
are made from the original (Willow copies the original's EXIF and ICC profile into them), so a
clean original gives clean renditions.

Hooked on ``pre_save`` of the site's image model (``connect_signal_handlers``, called from
``AppConfig.ready()``), so the admin's upload and "add multiple", API v3 uploads, the ORM and
management commands all pass through it. ``docs/media.md`` lists what is kept and why.
"""

import io
import logging
import os
import re
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import pre_save
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps, ImageSequence, JpegImagePlugin, UnidentifiedImageError
from wagtail.utils.file import hash_filelike

logger = logging.getLogger(__name__)

#: A file name this module gave: 32 hex digits and an extension (``secrets.token_hex(16)``).
RANDOM_NAME = re.compile(r"^[0-9a-f]{32}\.[a-z0-9]+$")

#: Pillow format -> (format written, extension). MPO (a phone's JPEG with a second, embedded
#: JPEG that has its own EXIF) is written as a single-frame JPEG.
OUTPUT_FORMATS = {
    "JPEG": ("JPEG", "jpg"),
    "MPO": ("JPEG", "jpg"),
    "PNG": ("PNG", "png"),
    "WEBP": ("WEBP", "webp"),
    "GIF": ("GIF", "gif"),
    "AVIF": ("AVIF", "avif"),
    "HEIF": ("HEIF", "heic"),
}
#: Any other raster format Pillow reads is written as PNG (lossless, no metadata).
FALLBACK_FORMAT = ("PNG", "png")

#: ``info`` entries that describe pixels or animation, not the photo's origin: kept.
KEPT_INFO = ("transparency", "duration", "loop", "background")
#: ``info`` entries that carry metadata (``icc_profile``: a device's profile may name the camera;
#: colours are converted to sRGB before it is dropped).
METADATA_INFO = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "icc_profile")
#: JPEG APP markers that are not metadata: JFIF (APP0) and Adobe colour transform (APP14).
HARMLESS_JPEG_MARKERS = ("APP0", "APP14")

JPEG_QUALITY = 95
LOSSY_QUALITY = {"WEBP": 95, "AVIF": 90, "HEIF": 90}


#: Attribute an upload form puts the re-encoded upload under (``media_forms``), so it is not
#: decoded twice.
PREPARED = "comensha_clean_image"


#: What Pillow raises for a file it cannot decode completely.
UNREADABLE = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    PILImage.DecompressionBombError,
)


class MetadataRemovalError(ValueError):
    """A new image file could not be re-encoded: it is refused rather than stored with metadata."""


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    extension: str
    width: int
    height: int


def random_file_name(extension):
    """A name that says nothing about the photo or who uploaded it."""
    return f"{secrets.token_hex(16)}.{extension}"


def leftover_metadata(image):
    """Names of the metadata a Pillow image still carries (empty when clean)."""
    found = {key for key in METADATA_INFO if image.info.get(key)}
    if image.getexif():
        found.add("exif")
    found.update(
        marker
        for marker, _data in getattr(image, "applist", ())
        if marker not in HARMLESS_JPEG_MARKERS
    )
    found.update(f"text:{key}" for key in getattr(image, "text", {}) or {})
    if image.format == "MPO" and getattr(image, "n_frames", 1) > 1:
        found.add("mpo-frames")
    return found


def has_metadata(data):
    with PILImage.open(io.BytesIO(data)) as image:
        return bool(leftover_metadata(image))


def _to_srgb(frame):
    """Colours converted from an embedded ICC profile to sRGB, so the profile can be dropped."""
    icc = frame.info.get("icc_profile")
    if not icc or frame.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return frame
    output_mode = "RGB" if frame.mode == "CMYK" else frame.mode
    try:
        return ImageCms.profileToProfile(
            frame, io.BytesIO(icc), ImageCms.createProfile("sRGB"), outputMode=output_mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return frame  # an unreadable profile: the pixels as they are, the profile dropped


def _clean_frame(frame):
    """The frame with its orientation applied and only pixel-describing ``info`` left."""
    info = {key: frame.info[key] for key in KEPT_INFO if key in frame.info}
    clean = _to_srgb(ImageOps.exif_transpose(frame))  # a copy, without Pillow's cached EXIF
    clean.info = info
    return clean


def _frames(image, output_format):
    if output_format in ("GIF", "WEBP", "PNG") and getattr(image, "is_animated", False):
        return [_clean_frame(frame) for frame in ImageSequence.Iterator(image)]
    return [_clean_frame(image)]


def _save_options(image, output_format, frames):
    options = {}
    if output_format == "JPEG":
        options["quality"] = JPEG_QUALITY
        if image.format == "JPEG" and JpegImagePlugin.get_sampling(image) >= 0:
            options["subsampling"] = JpegImagePlugin.get_sampling(image)
        if frames[0].mode not in ("RGB", "L", "CMYK"):
            frames[0] = frames[0].convert("RGB")
    elif output_format in LOSSY_QUALITY:
        options["quality"] = LOSSY_QUALITY[output_format]
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:])
        options["duration"] = [frame.info.get("duration", 100) for frame in frames]
        if "loop" in image.info:
            options["loop"] = image.info["loop"]
    return options


def clean_image_data(data):
    """Re-encode image bytes without metadata, orientation applied (raises Pillow's errors)."""
    with PILImage.open(io.BytesIO(data)) as image:
        output_format, extension = OUTPUT_FORMATS.get(image.format, FALLBACK_FORMAT)
        frames = _frames(image, output_format)
        options = _save_options(image, output_format, frames)
        output = io.BytesIO()
        frames[0].save(output, output_format, **options)
    width, height = frames[0].size
    return CleanImage(output.getvalue(), extension, width, height)


def _read(image):
    with image.open_file() as source:
        return source.read()


def replace_file(image, data, clean=None):
    """Put a clean copy of ``data`` on ``image`` under a random name (not saved yet).

    Width and height follow from the new file (Django's image field), file size and hash are set
    here so duplicate detection and rendition cache keys match the stored bytes. The stale
    renditions of a saved image are deleted; its previous file is deleted once the transaction
    commits, unless another image points at it. ``clean``: the re-encoding the upload form made.
    """
    clean = clean or clean_image_data(data)
    previous = image.file.name if image.file._committed else None
    content = ContentFile(clean.data, name=random_file_name(clean.extension))
    content.comensha_metadata_removed = True
    image.file = content
    image.file_size = len(clean.data)
    image.file_hash = hash_filelike(io.BytesIO(clean.data))
    if image.pk is not None:
        image.renditions.all().delete()
    if previous:
        storage, model = image.file.storage, type(image)
        transaction.on_commit(lambda: _delete_unreferenced(model, storage, previous))
    return clean


def _delete_unreferenced(model, storage, name):
    if not model._default_manager.filter(file=name).exists():
        storage.delete(name)


def is_marked_clean(field_file):
    """True for a file ``replace_file`` made and that is not stored yet."""
    pending = getattr(field_file, "_file", None)
    return not field_file._committed and getattr(pending, "comensha_metadata_removed", False)


def strip_image(image, *, dry_run=False):
    """Clean a stored image and save it; ``False`` when it is already clean (the command's unit)."""
    data = _read(image)
    if RANDOM_NAME.match(os.path.basename(image.file.name)) and not has_metadata(data):
        return False
    if not dry_run:
        replace_file(image, data)
        image.save()
    return True


def strip_before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """``pre_save`` of the image model: a new or changed original is stored clean.

    A stored file under a random name on a saved image was cleaned when it was stored and is not
    read again. A new file that cannot be decoded is refused (``MetadataRemovalError``); the
    upload form (``media_forms``) refuses such files with a form error before this runs. SVG (vector, no Pillow decoder) is
    left as it is (see docs/media.md).
    """
    field_file = instance.file
    if raw or not field_file or (update_fields is not None and "file" not in update_fields):
        return
    if is_marked_clean(field_file):
        return
    name = os.path.basename(field_file.name or "")
    if field_file._committed and not instance._state.adding and RANDOM_NAME.match(name):
        return
    prepared = None if field_file._committed else getattr(field_file._file, PREPARED, None)
    if prepared is not None:
        replace_file(instance, None, clean=prepared)
        return
    try:
        data = _read(instance)
        if field_file._committed and RANDOM_NAME.match(name) and not has_metadata(data):
            return
        replace_file(instance, data)
    except UnidentifiedImageError:
        if name.lower().endswith(".svg"):
            return
        return _refuse(instance, name)
    except UNREADABLE as error:
        logger.warning("Image %s: metadata not removed (%s)", instance.pk or name, error)
        return _refuse(instance, name)


def _refuse(instance, name):
    if instance._state.adding or not instance.file._committed:
        raise MetadataRemovalError(f"{name}: not a readable image, refused to store it")
    # the stored file of a saved image cannot be read (missing, damaged): a save of its title or
    # focal point goes ahead; the command reports the image


def strip_uploaded_image_before_save(sender, instance, raw=False, **kwargs):
    """``pre_save`` of Wagtail's ``UploadedFile``: the parked upload of "add multiple" is clean too.

    Wagtail parks a file there when a required field of a custom image model is missing, until
    the editor completes the form.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.images import get_image_model

    if raw or not instance.file or instance.file._committed:
        return
    if instance.for_content_type_id != ContentType.objects.get_for_model(get_image_model()).pk:
        return
    try:
        with instance.file.open("rb") as source:
            clean = clean_image_data(source.read())
    except UNREADABLE:
        return  # the add-multiple form already rejected files that are not images
    instance.file = ContentFile(clean.data, name=random_file_name(clean.extension))


def connect_signal_handlers():
    from wagtail.images import get_image_model
    from wagtail.models import UploadedFile

    pre_save.connect(strip_before_save, sender=get_image_model(), dispatch_uid="comensha-media")
    pre_save.connect(
        strip_uploaded_image_before_save, sender=UploadedFile, dispatch_uid="comensha-media-upload"
    )
