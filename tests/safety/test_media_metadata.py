"""Photos carry no metadata: not in the stored original, not in any rendition, not in the name.

A JPEG with GPS, Artist, Make/Model (EXIF), XMP, IPTC and a comment is uploaded the ways a photo
reaches the site: the admin's upload and "add multiple" (superuser and Wagtail's Editors group),
API v3 with a bearer token, and the ORM. Each stored byte is read back with Pillow.
"""

import hashlib
import io
import os
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from PIL import ImageCms
from wagtail.images import get_image_model
from wagtail.models import Collection

from comensha_content.api import v3
from comensha_content.safety import media
from tests.safety import media_helpers as photos

UPLOAD_NAME = "maria-jansen-utrecht.jpg"
RANDOM = re.compile(r"^original_images/[0-9a-f]{32}\.(jpg|png|webp|avif|gif)$")
RENDITION_SPECS = ("original", "width-20", "fill-16x16", "format-webp", "format-png", "format-jpeg")


def stored_bytes(field_file):
    with field_file.storage.open(field_file.name, "rb") as stored:
        return stored.read()


def assert_clean_everywhere(image, *, size=photos.VIEWED_SIZE):
    """The original and every rendition: no metadata, orientation applied, a random name."""
    image.refresh_from_db()
    data = stored_bytes(image.file)
    assert photos.metadata_found(data) == set()
    assert RANDOM.match(image.file.name), image.file.name
    assert "maria" not in image.file.name
    with PILImage.open(io.BytesIO(data)) as original:
        assert original.size == size == (image.width, image.height)
        assert "icc_profile" not in original.info
    assert image.file_size == len(data) == image.file.storage.size(image.file.name)
    assert image.file_hash == hashlib.sha1(data).hexdigest()
    if size == photos.VIEWED_SIZE:  # red on top, blue below: rotated, not merely re-tagged
        top, bottom = photos.left_and_right(data)
        assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]
    for spec in RENDITION_SPECS:
        rendition = image.get_rendition(spec)
        rendition_data = stored_bytes(rendition.file)
        assert photos.metadata_found(rendition_data) == set(), spec
        assert "maria" not in rendition.file.name
    return data


@pytest.fixture
def root_collection(db):
    return Collection.get_first_root_node()


def upload(data=None, name=UPLOAD_NAME, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data or photos.jpeg_with_metadata(), content_type=content_type)


def test_the_sentinel_photo_carries_everything_the_tests_look_for():
    """Guards the other tests: the detector sees each kind of metadata in the uploaded file."""
    found = photos.metadata_found(photos.jpeg_with_metadata())
    assert {"gps", "exif", "xmp", "comment", "photoshop", "APP1", "APP13", "COM"} <= found
    assert all(f"bytes:{s!r}" in found for s in photos.SENTINELS)
    with PILImage.open(io.BytesIO(photos.jpeg_with_metadata())) as image:
        assert image.size == photos.STORED_SIZE
        assert image.getexif()[0x0112] == 6


@pytest.mark.parametrize("client_fixture", ["superuser_client", "editor_client"])
def test_admin_upload_stores_the_photo_without_metadata(request, client_fixture, root_collection):
    client = request.getfixturevalue(client_fixture)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Portret", "file": upload(), "collection": root_collection.pk},
    )
    assert response.status_code == 302, response.content[:2000]
    assert_clean_everywhere(get_image_model().objects.get(title="Portret"))


def test_admin_add_multiple_stores_the_photo_without_metadata(editor_client, root_collection):
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload(), "collection": root_collection.pk},
    )
    assert response.status_code == 200 and response.json()["success"], response.content[:2000]
    image = get_image_model().objects.get(pk=response.json()["image_id"])
    assert image.title == UPLOAD_NAME  # the title an editor sees is theirs to change
    assert_clean_everywhere(image)


def test_a_second_upload_of_the_same_photo_is_still_found_as_a_duplicate(
    superuser_client, root_collection
):
    """Re-encoding is deterministic, so Wagtail's duplicate check (by file hash) still works."""
    for _ in range(2):
        response = superuser_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": upload(), "collection": root_collection.pk},
        )
    assert response.json()["duplicate"] is True


def test_replacing_the_file_on_the_edit_page_stores_the_new_one_clean(
    superuser_client, root_collection, django_capture_on_commit_callbacks
):
    image = get_image_model().objects.create(title="Portret", file=upload())
    first_name = image.file.name
    image.get_rendition("width-20")
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {
                "title": "Portret",
                "file": upload(photos.png_with_metadata(), "maria.png", "image/png"),
                "collection": root_collection.pk,
                "tags": "",
                "description": "",
            },
        )
    assert response.status_code == 302, response.content[:2000]
    image.refresh_from_db()
    assert image.file.name.endswith(".png") and image.file.name != first_name
    assert not image.file.storage.exists(first_name)
    assert_clean_everywhere(image)


@pytest.mark.skipif(not v3.is_available(), reason="API v3 needs Wagtail 8")
def test_api_v3_upload_with_a_bearer_token_stores_the_photo_without_metadata(
    client, superuser, root_collection
):
    from wagtail.models import APIToken

    _token, plaintext = APIToken.create_token(user=superuser, name="photo upload")
    response = client.post(
        "/api/v3/images/",
        {"title": "Via de API", "file": upload()},
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )
    assert response.status_code == 201, response.content[:2000]
    body = response.json()
    assert (body["width"], body["height"]) == photos.VIEWED_SIZE
    assert_clean_everywhere(get_image_model().objects.get(pk=body["id"]))


@pytest.mark.parametrize(
    "make, name, size",
    [
        (photos.jpeg_with_metadata, "maria.jpg", photos.VIEWED_SIZE),
        (photos.png_with_metadata, "maria.png", photos.VIEWED_SIZE),
        (photos.webp_with_metadata, "maria.webp", photos.VIEWED_SIZE),
        (photos.avif_with_metadata, "maria.avif", photos.VIEWED_SIZE),
        (photos.animated_gif_with_comment, "maria.gif", (20, 10)),
    ],
)
def test_orm_create_stores_each_format_without_metadata(db, make, name, size):
    image = get_image_model().objects.create(title="ORM", file=ContentFile(make(), name=name))
    data = assert_clean_everywhere(image, size=size)
    assert os.path.splitext(image.file.name)[1] == os.path.splitext(name)[1]
    if name.endswith(".gif"):  # an animation keeps its frames, timings and loop
        with PILImage.open(io.BytesIO(data)) as gif:
            assert gif.n_frames == 3 and gif.info["loop"] == 0
            assert [frame_duration(gif, n) for n in range(3)] == [100, 200, 300]


def frame_duration(gif, number):
    gif.seek(number)
    return gif.info["duration"]


def test_a_colour_profile_is_converted_to_srgb_and_dropped(db):
    """ICC profiles can name the device; colours are converted to sRGB before it is dropped."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    output = io.BytesIO()
    photos.pixels().save(output, "JPEG", icc_profile=profile)
    image = get_image_model().objects.create(
        title="ICC", file=ContentFile(output.getvalue(), "p.jpg")
    )
    with PILImage.open(io.BytesIO(stored_bytes(image.file))) as stored:
        assert "icc_profile" not in stored.info


def test_saving_an_image_again_does_not_re_encode_it(db):
    image = get_image_model().objects.create(title="Eens", file=upload())
    name, file_hash = image.file.name, image.file_hash
    image.title = "Nog eens"
    image.save()
    image.refresh_from_db()
    assert (image.file.name, image.file_hash) == (name, file_hash)


def test_a_truncated_photo_is_a_form_error_not_a_server_error(superuser_client, root_collection):
    """Wagtail reads only the header; the full decode fails, so the metadata cannot be removed."""
    count = get_image_model().objects.count()
    truncated = photos.truncated_jpeg()
    response = superuser_client.post(
        reverse("wagtailimages:add"),
        {"title": "Kapot", "file": upload(truncated), "collection": root_collection.pk},
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["file"]
    assert error.code == "comensha_unreadable_image"
    assert get_image_model().objects.count() == count


def test_a_file_that_is_no_image_is_refused_by_wagtail_before_anything_else(
    superuser_client, root_collection
):
    response = superuser_client.post(
        reverse("wagtailimages:add"),
        {"title": "Geen foto", "file": upload(b"not an image"), "collection": root_collection.pk},
    )
    assert response.status_code == 200 and "file" in response.context["form"].errors


def test_the_orm_refuses_a_truncated_photo_rather_than_store_its_metadata(db):
    """Given its size, Django does not decode the file first; this package refuses it on save."""
    count = get_image_model().objects.count()
    with pytest.raises(media.MetadataRemovalError):
        get_image_model().objects.create(
            title="Kapot",
            file=ContentFile(photos.truncated_jpeg(), "k.jpg"),
            width=photos.STORED_SIZE[0],
            height=photos.STORED_SIZE[1],
        )
    assert get_image_model().objects.count() == count


def test_system_check_warns_a_site_without_the_metadata_free_form(settings):
    from comensha_content.safety.media_forms import FORM_PATH, check_image_form_base

    assert check_image_form_base(None) == []
    settings.WAGTAILIMAGES_IMAGE_FORM_BASE = ""
    assert [warning.id for warning in check_image_form_base(None)] == ["comensha_content.W040"]
    settings.WAGTAILIMAGES_IMAGE_FORM_BASE = FORM_PATH


def test_the_parked_upload_of_add_multiple_is_clean_too(db):
    """Wagtail parks an upload in UploadedFile while a custom model's required field is missing."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import UploadedFile

    parked = UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(get_image_model()), file=upload()
    )
    data = stored_bytes(parked.file)
    assert photos.metadata_found(data) == set()
    assert "maria" not in parked.file.name


# --- The edit page -----------------------------------------------------------------------------


def legacy_image(data=None, name="original_images/maria-jansen.jpg"):
    """An image stored before this package removed metadata: the file written straight to storage."""
    from django.core.files.storage import default_storage

    image = get_image_model().objects.create(title="Oud", file=upload())
    stored = default_storage.save(name, ContentFile(data or photos.jpeg_with_metadata()))
    get_image_model().objects.filter(pk=image.pk).update(file=stored, file_hash="")
    image.refresh_from_db()
    return image


def test_the_edit_page_says_the_metadata_was_removed(english_admin_client):
    image = get_image_model().objects.create(title="Portret", file=upload())
    html = english_admin_client.get(reverse("wagtailimages:edit", args=[image.pk])).content.decode()
    with translation.override("en"):
        assert (
            gettext(
                "Removed on upload: location (GPS), camera, author and other EXIF, XMP and IPTC data "
                "are not stored. The file name is random."
            )
            in html
        )
    assert "data-comensha-image-metadata" in html


def test_the_edit_page_of_an_older_image_says_it_is_not_yet_clean(english_admin_client):
    image = legacy_image()
    html = english_admin_client.get(reverse("wagtailimages:edit", args=[image.pk])).content.decode()
    assert "Not yet removed from this older image" in html
    assert "Removed on upload" not in html


# --- The command -------------------------------------------------------------------------------


def run_command(*args):
    output = io.StringIO()
    call_command("strip_image_metadata", *args, stdout=output, stderr=io.StringIO())
    return output.getvalue().strip()


def test_command_cleans_older_images_and_their_renditions_once(
    db, django_capture_on_commit_callbacks
):
    image = legacy_image()
    legacy_name = image.file.name
    stale = image.get_rendition("width-20")  # made from the original with its EXIF
    assert photos.metadata_found(stored_bytes(stale.file))
    others = get_image_model().objects.exclude(pk=image.pk).count()

    assert run_command("--dry-run") == f"1 to clean, {others} already clean, 0 failed"
    with django_capture_on_commit_callbacks(execute=True):
        assert run_command() == f"1 cleaned, {others} already clean, 0 failed"

    image.refresh_from_db()
    assert not image.renditions.filter(pk=stale.pk).exists()
    assert not image.file.storage.exists(legacy_name)
    assert_clean_everywhere(image)
    name = image.file.name
    assert run_command() == f"0 cleaned, {others + 1} already clean, 0 failed"
    image.refresh_from_db()
    assert image.file.name == name  # idempotent: not re-encoded again


def test_saving_an_older_image_cleans_it_too(db, django_capture_on_commit_callbacks):
    image = legacy_image()
    legacy_name = image.file.name
    image.title = "Oud, nieuwe titel"
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert not image.file.storage.exists(legacy_name)
    assert_clean_everywhere(image)


def test_command_reports_an_image_whose_file_is_missing(db):
    image = legacy_image()
    image.file.storage.delete(image.file.name)
    others = get_image_model().objects.exclude(pk=image.pk).count()
    assert run_command() == f"0 cleaned, {others} already clean, 1 failed"
