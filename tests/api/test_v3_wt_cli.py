"""wagtail-cli (``wt``, Wagtail's client for API v3) writes a story to a live server.

``wt`` runs as a subprocess, as a developer or a script would run it, against pytest-django's
live server: it creates a story with chapters, a paragraph, a testimony, a fact and an image
with an editor's token, patches it, and a moderator's token publishes it once consent is
recorded; a bad block value is refused with its path. The live server needs committed data, so
the test is transactional (``ensure_demo``).
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.request import urlopen

import pytest

from comensha_content.api import v3
from tests.helpers import record_consent, soup, text_of

pytestmark = pytest.mark.skipif(
    not v3.is_available(), reason="API v3 needs Wagtail 8 with wagtail.api.v3 installed"
)

WT = shutil.which("wt", path=str(Path(sys.executable).parent)) or shutil.which("wt")


def ensure_demo():
    """The demo in the database the live server reads, as the browser tests' ``demo_site`` does.

    pytest-django flushes the database after a transactional test. The first one of a session
    finds the demo tests/conftest.py loaded and keeps a serialised copy (shared with the
    browser tests, which restore it before each of theirs); a later one restores that copy.
    """
    from tests.e2e import conftest as e2e

    if "demo" in e2e._demo_snapshot:
        e2e._restore_demo(e2e._demo_snapshot["demo"])
    else:
        e2e._load_demo()
        e2e._demo_snapshot["demo"] = e2e._snapshot()


def member_of(group_name, username):
    from django.contrib.auth.models import Group, User
    from wagtail.models import APIToken

    user = User.objects.create_user(username, f"{username}@example.org", "password")
    user.groups.add(Group.objects.get(name=group_name))
    _token, plaintext = APIToken.create_token(user=user, name="wt")
    return plaintext


def run_wt(live_server, token, home, *args):
    """``wt --json api ARGS`` as a subprocess: (exit code, parsed stdout or None, stderr)."""
    env = {
        **os.environ,
        "HOME": str(home),  # no ~/.wagtail-cli.toml of the machine's user
        "WAGTAIL_CLI_BASE_URL": f"{live_server.url}/api/v3/",
        "WAGTAIL_CLI_TOKEN": token,
    }
    result = subprocess.run(  # noqa: S603 - our own arguments, no shell
        [WT, "--json", "api", *args],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    try:
        output = json.loads(result.stdout) if result.stdout.strip() else None
    except ValueError:
        output = None
    return result.returncode, output, result.stderr


@pytest.mark.skipif(WT is None, reason="wagtail-cli (wt) is not installed: pip install '.[test]'")
def test_wt_creates_patches_and_publishes_a_story(live_server, transactional_db, tmp_path):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from comensha_content.models import LongreadIndexPage, LongreadPage

    ensure_demo()
    index = LongreadIndexPage.objects.get(locale__language_code="nl")
    photo = get_image_model().objects.create(
        title="Silhouet", file=get_test_image_file(filename="silhouet-wt.png")
    )
    editor = member_of("Editors", "wt-editor")
    moderator = member_of("Moderators", "wt-moderator")
    body = [
        {"type": "chapter", "value": {"heading": "Aankomst"}},
        {"type": "paragraph", "value": "<p>Ik kwam voor werk.</p>"},
        {
            "type": "testimony",
            "value": {"name": "Sam", "speaker": "victim", "text": "<p>Ik mocht niet weg.</p>"},
        },
        {
            "type": "fact",
            "value": {
                "value": 5000,
                "label": "slachtoffers per jaar",
                "source": {"title": "Nationaal Rapporteur", "year": 2024},
            },
        },
        {"type": "image", "value": {"image": {"id": photo.pk, "alt": "Een silhouet"}}},
    ]
    (tmp_path / "body.json").write_text(json.dumps(body))

    code, created, stderr = run_wt(
        live_server,
        editor,
        tmp_path,
        "pages",
        "create",
        "comensha_content.LongreadPage",
        "--parent",
        str(index.pk),
        "--title",
        "Sam via wt",
        "--field",
        "lede:Sam kwam voor werk.",
        "--field",
        "shown_name:Sam",
        "--field",
        "body:@body.json",
    )
    assert code == 0, stderr
    page = LongreadPage.objects.get(pk=created["id"])
    assert (page.lede, page.shown_name, len(page.body)) == ("Sam kwam voor werk.", "Sam", 5)

    code, _patched, stderr = run_wt(
        live_server,
        editor,
        tmp_path,
        "pages",
        "update",
        str(page.pk),
        "--field",
        "lede:Sam kwam voor werk en kon niet meer weg.",
        "--yes",
    )
    assert code == 0, stderr

    # Without consent a moderator's publish is refused, saying why
    code, _output, stderr = run_wt(
        live_server, moderator, tmp_path, "pages", "publish", str(page.pk)
    )
    assert code != 0
    assert "422" in stderr and "toestemming" in stderr.lower(), stderr
    assert not LongreadPage.objects.get(pk=page.pk).live

    record_consent(page)
    code, published, stderr = run_wt(
        live_server, moderator, tmp_path, "pages", "publish", str(page.pk)
    )
    assert code == 0, stderr
    assert published["lede"] == "Sam kwam voor werk en kon niet meer weg."
    page = LongreadPage.objects.get(pk=page.pk)
    assert page.live
    with urlopen(f"{live_server.url}{page.url}", timeout=30) as response:  # noqa: S310
        html = text_of(soup(response.read()))
    for text in ("Aankomst", "Ik kwam voor werk.", "Ik mocht niet weg.", "slachtoffers per jaar"):
        assert text in html, text

    # A bad block value: refused with its path, nothing changed
    body[3]["value"]["value"] = "veel"
    (tmp_path / "bad.json").write_text(json.dumps(body))
    code, _output, stderr = run_wt(
        live_server,
        editor,
        tmp_path,
        "pages",
        "update",
        str(page.pk),
        "--field",
        "body:@bad.json",
        "--yes",
    )
    assert code != 0
    assert "body[3].value.value" in stderr, stderr
    assert (
        LongreadPage.objects.get(pk=page.pk).get_latest_revision_as_object().body[3].value["value"]
        == 5000
    )
