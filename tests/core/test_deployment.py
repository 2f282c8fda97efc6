"""Deployment of the example site: its keys, caching of signed-in answers, login throttling and
the admin's second factor (docs/deployment.md)."""

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import django_otp
import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from comensha_content.api.preview import SALT, make_preview_token
from comensha_content.models import LongreadPage
from demo_site.secret_key import development_secret_key
from tests.robustness.test_deploy import manage

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED_KEY = "insecure-example-key-change-me"  # the example's key before it had its own
KEY_LITERAL = re.compile(r"""SECRET_KEY["']?\s*[:=,]\s*["']([^"'\s]{8,})["']""")


def keys_in_the_repository():
    """Every SECRET_KEY value written in the repository's files, and the one it once published."""
    keys = {PUBLISHED_KEY}
    for path in ROOT.rglob("*"):
        if path.suffix not in {".py", ".md", ".toml", ".cfg", ".ini", ".env", ".txt", ".yml"}:
            continue
        if any(part.startswith(".") or part == "node_modules" for part in path.parts[-6:-1]):
            continue
        keys.update(KEY_LITERAL.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return keys


# --- Keys ---------------------------------------------------------------------------------------


def test_production_refuses_check_deploy_without_its_own_key():
    result = manage("check", "--deploy", DJANGO_SECRET_KEY=None)
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr
    blank = manage("check", "--deploy", DJANGO_SECRET_KEY="   ")
    assert blank.returncode != 0


def test_the_development_key_is_random_private_and_kept(tmp_path):
    path = tmp_path / ".secret_key"
    key = development_secret_key(path)
    assert len(key) >= 50 and key != PUBLISHED_KEY
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert development_secret_key(path) == key  # the same key on every start
    assert development_secret_key(tmp_path / "other") != key  # another checkout, another key
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".secret_key.")] == []


def test_the_example_uses_its_own_key_file_and_git_ignores_it():
    if not os.environ.get("DJANGO_SECRET_KEY"):
        key_file = ROOT / "example_project" / ".secret_key"
        assert key_file.read_text().strip() == django_settings.SECRET_KEY
    assert PUBLISHED_KEY not in (ROOT / "example_project/demo_site/settings.py").read_text()
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "example_project/.secret_key"], cwd=ROOT, check=False
    )
    assert ignored.returncode == 0, "example_project/.secret_key must be git-ignored"


@pytest.mark.django_db
def test_a_preview_token_signed_with_a_key_from_the_repository_is_refused(
    client, demo, superuser, settings
):
    settings.COMENSHA_CONTENT_HEADLESS_PREVIEW_URL = "https://front.example.org/preview"
    keys = keys_in_the_repository()
    assert settings.SECRET_KEY not in keys
    assert len(keys) >= 2  # the published one and the deployment check's, at least
    page = LongreadPage.objects.live().first()
    url = f"/api/v2/preview/{page.pk}/"
    payload = {"page": page.pk, "revision": page.get_latest_revision().pk, "user": superuser.pk}
    for key in sorted(keys):
        forged = signing.dumps(payload, key=key, salt=SALT, compress=True)
        response = client.get(url, headers={"Authorization": f"Preview {forged}"})
        assert response.status_code == 403, key
    own = make_preview_token(page, superuser)
    assert client.get(url, headers={"Authorization": f"Preview {own}"}).status_code == 200


# --- Signed-in answers are never stored ---------------------------------------------------------


@pytest.mark.django_db
def test_signed_in_answers_are_private_and_not_stored(client, demo, superuser):
    anonymous = client.get("/api/v2/pages/")
    assert "no-store" not in anonymous.get("Cache-Control", "")
    client.force_login(superuser)
    for url in ("/api/v2/pages/", "/admin/", "/"):
        response = client.get(url, follow=url == "/")
        assert response["Cache-Control"] == "private, no-store", url


# --- Login throttling (django-axes) -------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_login_locks_out_after_repeated_failures(client, superuser):
    limit = django_settings.AXES_FAILURE_LIMIT
    assert 3 <= limit <= 10
    for _attempt in range(limit):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code in (200, 429)
        assert "_auth_user_id" not in client.session
    locked = client.post("/admin/login/", {"username": "editor", "password": "password"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked out by these failures.
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("other", "o@example.org", "password2")
    other = client.post("/admin/login/", {"username": "other", "password": "password2"})
    assert other.status_code == 302


@pytest.mark.django_db
def test_a_good_password_before_the_limit_signs_in(client, superuser):
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT - 1):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "editor", "password": "password"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


# --- Two-factor authentication of the admin (django-otp) -----------------------------------------


@pytest.fixture
def two_factor(settings):
    settings.TWO_FACTOR_REQUIRED = True


def code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.django_db
def test_a_superuser_sets_up_and_enters_a_second_factor(client, superuser, two_factor):
    client.post("/admin/login/", {"username": "editor", "password": "password"})
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/?next=/admin/pages/"
    assert client.get("/api/v2/pages/").status_code == 200  # the public API is not the admin

    setup = client.get("/admin/2fa/?next=/admin/pages/")
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()
    assert setup["Cache-Control"] == "private, no-store"
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    wrong = client.post("/admin/2fa/", {"otp_token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200 and client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    verified = client.post("/admin/2fa/", {"otp_token": code(device), "next": "/admin/pages/"})
    assert verified.status_code == 302 and verified["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    assert TOTPDevice.objects.get(pk=device.pk).confirmed

    # The next session asks for the code again, and no longer shows the key.
    client.logout()
    client.post("/admin/login/", {"username": "editor", "password": "password"})
    assert client.get("/admin/").status_code == 302
    assert "<svg" not in client.get("/admin/2fa/").content.decode()


@pytest.mark.django_db
def test_consent_permissions_need_a_second_factor_other_editors_do_not(
    client, django_user_model, two_factor
):
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Editors")
    plain = django_user_model.objects.create_user("plain", "p@example.org", "x")
    plain.groups.add(editors)
    client.force_login(plain)
    assert client.get("/admin/").status_code == 200

    # Matched by name: works before and after the StoryConsent model exists.
    content_type, _created = ContentType.objects.get_or_create(
        app_label="comensha_content", model="storyconsent"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="view_storyconsent", defaults={"name": "Can view"}
    )
    consent = django_user_model.objects.create_user("consent", "c@example.org", "x")
    consent.groups.add(editors)
    consent.user_permissions.add(permission)
    client.force_login(consent)
    assert client.get("/admin/").status_code == 302
    assert not django_otp.user_has_device(consent)


@pytest.mark.django_db
def test_without_the_requirement_the_demo_admin_signs_in_with_a_password(
    client, superuser, settings
):
    settings.TWO_FACTOR_REQUIRED = False
    client.post("/admin/login/", {"username": "editor", "password": "password"})
    assert client.get("/admin/").status_code == 200
