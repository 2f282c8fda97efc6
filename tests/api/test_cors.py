"""CORS for configured front-end origins (django-cors-headers in the example), API paths only."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from comensha_content.api import v3
from comensha_content.models import LongreadPage

pytestmark = pytest.mark.django_db

FRONT_END = "https://front.example.org"


@pytest.fixture(autouse=True)
def front_end(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT_END]


def page_url():
    page = LongreadPage.objects.live().filter(locale__language_code="en").first()
    return f"/api/v2/pages/{page.pk}/"


def test_a_configured_origin_may_read_the_api(client, demo):
    response = client.get(page_url(), HTTP_ORIGIN=FRONT_END)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert "Access-Control-Allow-Credentials" not in response
    assert "origin" in response["Vary"].lower()
    assert response["Cache-Control"].startswith("public")


@pytest.mark.skipif(not v3.is_available(), reason="API v3 needs Wagtail 8")
def test_the_v3_api_too(client, demo):
    response = client.get("/api/v3/pages/", HTTP_ORIGIN=FRONT_END)
    assert response["Access-Control-Allow-Origin"] == FRONT_END


def test_another_origin_gets_no_cors_headers(client, demo):
    response = client.get(page_url(), HTTP_ORIGIN="https://evil.example.com")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    # A shared cache keeps answers apart per Origin, with or without one
    assert "origin" in response["Vary"].lower()
    assert "origin" in client.get(page_url())["Vary"].lower()


def test_a_preflight_allows_reads_only(client, demo):
    response = client.options(
        page_url(),
        HTTP_ORIGIN=FRONT_END,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    methods = {method.strip() for method in response["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "HEAD", "OPTIONS"}
    assert "authorization" in response["Access-Control-Allow-Headers"].lower()


def test_html_pages_and_the_admin_get_no_cors_headers(client, demo):
    page = LongreadPage.objects.live().filter(locale__language_code="en").first()
    for url in (page.url, "/admin/login/", "/sitemap.xml"):
        response = client.get(url, HTTP_ORIGIN=FRONT_END)
        assert "Access-Control-Allow-Origin" not in response, url


def test_the_example_reads_its_origins_from_the_environment():
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "COMENSHA_CORS_ALLOWED_ORIGINS": "https://a.example.org, https://b.example.org",
        "PYTHONPATH": str(root / "example_project"),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    output = subprocess.run(
        [sys.executable, "-c", "import demo_site.settings as s; print(s.CORS_ALLOWED_ORIGINS)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    ).stdout
    assert output.strip() == "['https://a.example.org', 'https://b.example.org']"
