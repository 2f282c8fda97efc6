"""Attempt the webhook retries that are due: for task backends that cannot defer a task."""

from django.core.management.base import BaseCommand

from comensha_content.api.webhooks.delivery import send_due


class Command(BaseCommand):
    help = (
        "Attempt the webhook deliveries whose retry is due. Only needed with a task backend "
        "that cannot defer tasks (the immediate backend): run it from cron every minute."
    )

    def handle(self, *args, **options):
        count = send_due()
        self.stdout.write(f"{count} webhook deliveries attempted.")
