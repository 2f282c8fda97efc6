"""Re-encode stored originals that still carry metadata or their upload name (idempotent).

For images stored before ``comensha_content.safety.media`` ran, or loaded from fixtures: each is
re-encoded without EXIF/XMP/IPTC/comments under a random name, its renditions deleted (they are
made again from the clean original) and its previous file removed.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model

from comensha_content.safety.media import strip_image

#: A missing or unreadable file (Wagtail's SourceImageIOError is an OSError).
FAILURES = (OSError, SyntaxError, ValueError)


class Command(BaseCommand):
    help = "Remove EXIF, XMP, IPTC and comments from stored original images; report counts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the images to clean, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = {"cleaned": 0, "clean": 0, "failed": 0}
        for image in get_image_model().objects.order_by("pk").iterator():
            try:
                with transaction.atomic():
                    cleaned = strip_image(image, dry_run=dry_run)
            except FAILURES as error:
                counts["failed"] += 1
                self.stderr.write(f"Image {image.pk}: not cleaned ({error})")
                continue
            counts["cleaned" if cleaned else "clean"] += 1
        verb = "to clean" if dry_run else "cleaned"
        self.stdout.write(
            f"{counts['cleaned']} {verb}, {counts['clean']} already clean, {counts['failed']} failed"
        )
