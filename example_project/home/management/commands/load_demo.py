"""Load the bilingual demo content of the example site (safe to run again)."""

import os

from django.core.management.base import BaseCommand

from home.demo import load_demo


class Command(BaseCommand):
    help = (
        "Create the nl and en locales, the site tree, each capability's demo content and a demo "
        "superuser. Idempotent; refuses to touch a database that holds other content."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username",
            default=os.environ.get("COMENSHA_DEMO_ADMIN_USERNAME", "admin"),
            help="Demo superuser name (env COMENSHA_DEMO_ADMIN_USERNAME, default 'admin').",
        )
        parser.add_argument(
            "--password",
            default=os.environ.get("COMENSHA_DEMO_ADMIN_PASSWORD", "comensha-demo"),
            help="Demo superuser password (env COMENSHA_DEMO_ADMIN_PASSWORD).",
        )

    def handle(self, *args, **options):
        load_demo(self.stdout, options["username"], options["password"])
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        self.stdout.write("Admin: http://127.0.0.1:8000/admin/  Site: http://127.0.0.1:8000/")
