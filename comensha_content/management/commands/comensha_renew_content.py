"""Renew the site's content generation: every ETag and revision-cache key changes at once.

For after deploying changed template overrides or settings that change what pages show: the
revision cache keys entries by content, not by templates (docs/performance.md).
"""

from django.core.management.base import BaseCommand

from comensha_content.core.content_generation import renew_content_generation


class Command(BaseCommand):
    help = "Renew the content generation: cached story articles and API details are re-rendered."

    def handle(self, *args, **options):
        renew_content_generation()
        self.stdout.write("Content generation renewed: ETags and revision-cache keys changed.")
