"""The example's production settings pass Django's deployment checks, and insist on secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "demo_site.settings_production",
    "DJANGO_SECRET_KEY": "x7#kq!p9Lm2vZr8TgY4wQs6NcB3hJdF5aE1uKo0iXyW-deploy-check-only",
    "DJANGO_ALLOWED_HOSTS": "www.example.org",
    "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'example_project'}",
}


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(PRODUCTION_ENV, **env)
    environment = {key: value for key, value in environment.items() if value is not None}
    return subprocess.run(
        [sys.executable, str(ROOT / "example_project" / "manage.py"), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SECRET_KEY=None)
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr
