"""Make generated migrations work on Wagtail 7.4 and 8.x alike.

Under Wagtail 8, ``makemigrations`` writes page references as ``settings.WAGTAIL_PAGE_MODEL``
(a setting Wagtail 7.4 does not define) and depends on the newest wagtailcore migration (which
7.4 does not have). This rewrites, in migrations that are not yet released, page references to
swapper calls and the wagtailcore dependency to the newest migration both versions share.
Run it right after ``makemigrations`` (``make migrations`` does); ``--check`` fails when a
migration still needs rewriting.
"""

import re
import sys
from pathlib import Path

#: Newest wagtailcore migration present in Wagtail 7.4 and 8.x.
SHARED_WAGTAILCORE_MIGRATION = "0097_baselogentry_uuid_action_timestamp_indexes"

MIGRATION_DIRS = [
    Path("comensha_content/migrations"),
    Path("example_project/home/migrations"),
]

REWRITES = [
    (
        re.compile(r"migrations\.swappable_dependency\(settings\.WAGTAIL_PAGE_MODEL\)"),
        'swapper.dependency("wagtailcore", "Page")',
    ),
    (
        re.compile(r"to=settings\.WAGTAIL_PAGE_MODEL"),
        'to=swapper.get_model_name("wagtailcore", "Page")',
    ),
    (
        re.compile(r"\('wagtailcore', '0(09[89]|1\d\d)_[a-z0-9_]+'\)"),
        f"('wagtailcore', '{SHARED_WAGTAILCORE_MIGRATION}')",
    ),
]

SWAPPER_PRELUDE = 'import swapper\n\nswapper.set_app_prefix("wagtailcore", "wagtail")\n'


def rewrite(text):
    new = text
    for pattern, replacement in REWRITES:
        new = pattern.sub(replacement, new)
    page_dependency = 'swapper.dependency("wagtailcore", "Page")'
    if "swapper.get_model_name" in new and page_dependency not in new:
        new = new.replace(
            "dependencies = [\n", f"dependencies = [\n        {page_dependency},\n", 1
        )
    if "swapper." in new and "import swapper" not in new:
        new = new.replace("from django.db import", SWAPPER_PRELUDE + "from django.db import", 1)
    without_import = new.replace("from django.conf import settings\n", "")
    if "settings." not in without_import:
        new = without_import
    return new


def main(argv):
    check = "--check" in argv
    stale = []
    for directory in MIGRATION_DIRS:
        for path in sorted(directory.glob("0*.py")):
            text = path.read_text()
            new = rewrite(text)
            if new != text:
                stale.append(path)
                if not check:
                    path.write_text(new)
    for path in stale:
        print(f"{'needs rewriting' if check else 'rewrote'}: {path}")
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
