"""The example project boots with its demo content and serves its main entry points."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_dutch_home_page_is_served_at_root(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl" dir="ltr">' in html
    assert "<h1>CoMensha</h1>" in html
    assert "Samen tegen mensenhandel." in html
    assert "Direct naar de inhoud" in html  # interface string from the Dutch catalog


def test_english_home_page_is_served_under_en(client, demo):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Together against human trafficking." in html
    assert "Samen tegen mensenhandel" not in html
    assert "Skip to main content" in html


def test_admin_login_page(client, demo):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert re.search(r'<input[^>]+name="username"', response.content.decode())


def test_admin_login_with_demo_superuser(client, demo):
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "comensha-demo"}, follow=True
    )
    assert response.status_code == 200
    assert response.wsgi_request.user.is_superuser


def test_api_v2_lists_both_home_pages(client, demo):
    response = client.get("/api/v2/pages/?type=home.HomePage&fields=locale")
    assert response.status_code == 200
    data = response.json()
    locales = sorted(item["meta"]["locale"] for item in data["items"])
    assert locales == ["en", "nl"]


def test_api_v2_images_and_documents_endpoints(client, demo):
    for endpoint in ("images", "documents"):
        response = client.get(f"/api/v2/{endpoint}/")
        assert response.status_code == 200
        assert "items" in response.json()


def test_api_v3_is_mounted_on_wagtail_8(client, demo, settings):
    if not settings.WAGTAIL_8:
        pytest.skip("API v3 exists from Wagtail 8.0 on")
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["version"] == "3.0.0"
