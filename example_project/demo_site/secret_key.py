"""The example site's development secret key: random, one per checkout, never published.

``settings.py`` uses ``DJANGO_SECRET_KEY`` when it is set, else the key in
``example_project/.secret_key`` (git-ignored), created on first start with ``secrets`` and
readable by its owner only (0600). Production (``settings_production.py``) never reads the file:
it refuses to start without its own ``DJANGO_SECRET_KEY``.
"""

import os
import secrets
import tempfile
from pathlib import Path


def development_secret_key(path):
    """The key stored at ``path``; a new random one is written there first if there is none.

    Several processes may start at once (test workers, runserver's reloader): the key is written
    to a private temporary file and linked into place, so every process reads the same key.
    """
    path = Path(path)
    try:
        key = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        key = ""
    if key:
        return key
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")  # 0600
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(50) + "\n")
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process was first: use its key
    finally:
        os.unlink(temporary)
    return path.read_text(encoding="ascii").strip()
