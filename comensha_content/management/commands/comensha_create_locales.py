"""Create a Wagtail Locale for every language in WAGTAIL_CONTENT_LANGUAGES (idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Locale


class Command(BaseCommand):
    help = "Create a Locale for each language in WAGTAIL_CONTENT_LANGUAGES that has none yet."

    def handle(self, *args, **options):
        for code, name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", []):
            _locale, created = Locale.objects.get_or_create(language_code=code)
            state = "created" if created else "exists"
            self.stdout.write(f"Locale {code} ({name}): {state}")
