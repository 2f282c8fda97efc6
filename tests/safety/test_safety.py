"""Reader safety as readers and editors see it: quick exit, browse-safely page, robots meta, API."""

import html
import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.text import Truncator
from wagtail.models import Site

from comensha_content.safety.models import (
    BrowseSafelyPage,
    ReaderSafetySettings,
    quick_exit_data_for_request,
)
from home.demo import safety as demo_safety

pytestmark = pytest.mark.django_db

DEFAULT_EXIT_URL = "https://www.wikipedia.org/"


@pytest.fixture
def safety_demo(demo):
    """The demo with its browse-safely pages (load_demo loads them once the loader is wired)."""
    demo_safety.load(demo)
    return demo


@pytest.fixture
def site(safety_demo):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def reader_settings(site):
    return ReaderSafetySettings.for_site(site)


def body_of(response):
    assert response.status_code == 200
    return response.content.decode()


def first_focusable(page_html):
    """The first link, button or form control after <body>: what the Tab key reaches first."""
    body = page_html.split("<body", 1)[1]
    match = re.search(r"<(a|button|input|select|textarea)\b[^>]*>", body)
    return match.group(0)


def quick_exit_bar(page_html):
    match = re.search(r'<div class="cc-quick-exit" data-cc-quick-exit.*?</div>', page_html, re.S)
    return match.group(0) if match else None


# -- the quick exit on every page ------------------------------------------------------------


def test_quick_exit_is_the_first_thing_to_tab_to(client, safety_demo):
    page_html = body_of(client.get("/longread/lisa/"))
    first = first_focusable(page_html)
    assert "data-cc-quick-exit-button" in first
    assert f'href="{DEFAULT_EXIT_URL}"' in first
    assert 'rel="nofollow noreferrer"' in first
    assert page_html.index("data-cc-quick-exit-button") < page_html.index('class="cc-skip-link"')


def test_quick_exit_speaks_dutch_and_links_the_dutch_browse_safely_page(client, safety_demo):
    bar = quick_exit_bar(body_of(client.get("/longread/lisa/")))
    assert ">Snel weg</a>" in bar
    assert (
        '<a class="cc-quick-exit__more" href="/veilig-internetten/">Veilig internetten</a>' in bar
    )
    assert "Of druk drie keer op Shift." in bar
    assert 'data-shift-remaining-2="Druk nog 2 keer op Shift om deze pagina te verlaten."' in bar


def test_quick_exit_speaks_english_on_english_pages(client, safety_demo):
    bar = quick_exit_bar(body_of(client.get("/en/longread/lisa/")))
    assert ">Exit this page</a>" in bar
    assert (
        '<a class="cc-quick-exit__more" href="/en/browse-safely/">How to browse safely</a>' in bar
    )
    assert 'data-shift-remaining-1="Press Shift 1 more time to exit this page."' in bar
    assert 'data-shift-remaining-2="Press Shift 2 more times to exit this page."' in bar


def test_site_setting_changes_target_and_source_language_label(client, reader_settings):
    reader_settings.quick_exit_url = "https://weer.example.org/vandaag"
    reader_settings.quick_exit_label = "Weg hier"
    reader_settings.save()
    dutch = quick_exit_bar(body_of(client.get("/longread/lisa/")))
    english = quick_exit_bar(body_of(client.get("/en/longread/lisa/")))
    assert 'href="https://weer.example.org/vandaag"' in dutch
    assert ">Weg hier</a>" in dutch
    # A site setting is one row per site: the custom text is Dutch, so English keeps its own.
    assert 'href="https://weer.example.org/vandaag"' in english
    assert ">Exit this page</a>" in english


def test_without_a_site_setting_url_the_configured_default_is_used(client, safety_demo, settings):
    settings.COMENSHA_CONTENT_QUICK_EXIT_URL = "https://nos.example/weer"
    first = first_focusable(body_of(client.get("/en/longread/lisa/")))
    assert 'href="https://nos.example/weer"' in first


def test_quick_exit_can_be_switched_off(client, reader_settings):
    reader_settings.quick_exit_enabled = False
    reader_settings.save()
    page_html = body_of(client.get("/longread/lisa/"))
    assert "data-cc-quick-exit" not in page_html
    assert "cc-skip-link" in first_focusable(page_html)


def test_unlinked_browse_safely_page_is_found_in_the_site(client, reader_settings):
    reader_settings.browse_safely_page = None
    reader_settings.save()
    bar = quick_exit_bar(body_of(client.get("/en/longread/lisa/")))
    assert 'href="/en/browse-safely/"' in bar


def test_unpublished_translation_falls_back_to_the_source_page(client, reader_settings):
    english = BrowseSafelyPage.objects.get(locale__language_code="en")
    english.unpublish()
    bar = quick_exit_bar(body_of(client.get("/en/longread/lisa/")))
    assert 'href="/veilig-internetten/"' in bar


def test_quick_exit_tag_without_a_request_uses_the_defaults(safety_demo):
    with translation.override("en"):
        rendered = Template("{% load comensha_safety %}{% quick_exit %}").render(Context({}))
    assert f'href="{DEFAULT_EXIT_URL}"' in rendered
    assert ">Exit this page</a>" in rendered
    assert "cc-quick-exit__more" not in rendered  # no site, so no browse-safely page to link
    assert "data-cc-quick-exit-overlay" in rendered


def test_quick_exit_adds_few_queries(rf, client, safety_demo, django_assert_max_num_queries):
    client.get("/longread/lisa/")  # creates the settings row once
    template = Template("{% load comensha_safety %}{% quick_exit %}")
    with django_assert_max_num_queries(3):
        rendered = template.render(Context({"request": rf.get("/longread/lisa/")}))
    assert ">Snel weg</a>" in rendered


# -- the site setting in the admin --------------------------------------------------------------


def settings_url(site):
    return reverse(
        "wagtailsettings:edit", args=["comensha_content", "readersafetysettings", site.pk]
    )


def settings_form(**overrides):
    data = {
        "quick_exit_enabled": "on",
        "quick_exit_url": "",
        "quick_exit_label": "",
        "browse_safely_page": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "bad_url",
    ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/"],
)
def test_admin_rejects_non_web_exit_urls_with_a_message(admin_client, site, bad_url):
    response = admin_client.post(settings_url(site), settings_form(quick_exit_url=bad_url))
    assert response.status_code == 200  # the form again, with the error, never a 500
    page_html = html.unescape(response.content.decode())
    assert "Vul een webadres in dat begint met https:// of http://." in page_html
    assert ReaderSafetySettings.for_site(site).quick_exit_url == ""


def test_admin_saves_exit_url_label_and_page(admin_client, site, safety_demo):
    page = safety_demo.browse_safely
    response = admin_client.post(
        settings_url(site),
        settings_form(
            quick_exit_url="https://weer.example.org/",
            quick_exit_label="Weg",
            browse_safely_page=str(page.pk),
        ),
    )
    assert response.status_code == 302
    saved = ReaderSafetySettings.for_site(site)
    assert (saved.quick_exit_url, saved.quick_exit_label) == ("https://weer.example.org/", "Weg")
    assert saved.browse_safely_page_id == page.pk


def test_admin_settings_form_explains_the_limits(admin_client, site):
    page_html = html.unescape(admin_client.get(settings_url(site)).content.decode())
    assert "De knop ‘Snel weg’ kan de browsergeschiedenis van een lezer niet wissen." in page_html
    assert "neutrale website" in page_html


# -- the browse-safely page -----------------------------------------------------------------


def test_browse_safely_page_says_what_the_button_does_and_does_not_do(client, safety_demo):
    page_html = body_of(client.get("/veilig-internetten/"))
    assert '<h1 id="browse-safely-title">Veilig internetten</h1>' in page_html
    assert "Hij bedekt deze pagina meteen en opent wikipedia.org" in page_html
    assert "Hij wist je browsergeschiedenis niet" in page_html
    assert "Gebruik een privévenster of incognitovenster." in page_html  # the editors' advice


def test_browse_safely_page_in_english_names_the_configured_site(client, reader_settings):
    reader_settings.quick_exit_url = "https://www.weather.example/today"
    reader_settings.save()
    page_html = body_of(client.get("/en/browse-safely/"))
    assert "It covers this page at once and opens weather.example, a neutral website" in page_html
    assert "It does not delete your browsing history" in page_html
    assert "Use a private or incognito window." in page_html


def test_demo_loader_is_idempotent(safety_demo, site):
    before = BrowseSafelyPage.objects.count()
    demo_safety.load(safety_demo)
    assert BrowseSafelyPage.objects.count() == before == 2
    english = BrowseSafelyPage.objects.get(locale=safety_demo.target_locale)
    assert english.title == "Browse safely" and english.live
    assert english.translation_key == safety_demo.browse_safely.translation_key
    assert ReaderSafetySettings.for_site(site).browse_safely_page_id == safety_demo.browse_safely.pk


# -- search engines and social previews ---------------------------------------------------------


def test_pages_carry_open_graph_tags_and_no_noindex(client, safety_demo):
    response = client.get("/en/browse-safely/")
    page_html = body_of(response)
    assert '<meta name="robots"' not in page_html
    assert "X-Robots-Tag" not in response.headers
    assert '<meta property="og:title" content="Browse safely">' in page_html
    assert '<meta property="og:url" content="http://localhost/en/browse-safely/">' in page_html
    assert '<meta property="og:locale" content="en">' in page_html
    # No search description set: the page's own introduction describes it, to both readers.
    intro = BrowseSafelyPage.objects.get(locale__language_code="en").intro
    expected = escape(Truncator(" ".join(intro.split())).chars(200))
    assert intro and f'<meta property="og:description" content="{expected}">' in page_html
    assert f'<meta name="description" content="{expected}">' in page_html


def test_noindex_page_asks_search_engines_to_skip_it(client, safety_demo):
    page = BrowseSafelyPage.objects.get(locale__language_code="en")
    page.noindex = True
    page.save_revision().publish()
    response = client.get("/en/browse-safely/")
    assert '<meta name="robots" content="noindex">' in body_of(response)
    assert response.headers["X-Robots-Tag"] == "noindex"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/browse-safely/" not in sitemap
    assert "/veilig-internetten/" in sitemap  # the Dutch page was left as it was


def test_no_social_preview_leaves_out_open_graph(client, safety_demo):
    page = safety_demo.browse_safely
    page.no_social_preview = True
    page.search_description = "Uitleg over veilig internetten"
    page.save_revision().publish()
    page_html = body_of(client.get("/veilig-internetten/"))
    assert "og:" not in page_html
    assert "twitter:" not in page_html
    assert '<meta name="robots"' not in page_html  # still in search engines


def test_visibility_fields_are_in_the_promote_tab(admin_client, safety_demo):
    page = safety_demo.browse_safely
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    page_html = html.unescape(response.content.decode())
    assert "Zoekmachines en sociale media" in page_html
    assert 'name="noindex"' in page_html and 'name="no_social_preview"' in page_html


# -- for headless front ends ----------------------------------------------------------------


def test_quick_exit_data_for_a_headless_front_end(rf, safety_demo, locales):
    request = rf.get("/")
    with translation.override("en"):
        data = quick_exit_data_for_request(request, locales["en"])
    assert data == {
        "enabled": True,
        "url": DEFAULT_EXIT_URL,
        "label": "Exit this page",
        "shortcut": "shift-shift-shift",
        "browse_safely": {
            "id": BrowseSafelyPage.objects.get(locale=locales["en"]).pk,
            "title": "Browse safely",
            "url": "/en/browse-safely/",
            "locale": "en",
        },
    }


def test_browse_safely_page_in_api_v2(client, safety_demo):
    page = BrowseSafelyPage.objects.get(locale__language_code="en")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["quick_exit"] == {"url": DEFAULT_EXIT_URL, "host": "wikipedia.org"}
    assert data["intro"].startswith("Someone may be able to see what you do online.")
    assert "<h2>Browsing more safely</h2>" in data["body"]


def test_reader_safety_endpoint_gives_the_quick_exit_in_each_language(client, safety_demo):
    english = client.get("/api/v2/reader-safety/?locale=en")
    dutch = client.get("/api/v2/reader-safety/?locale=nl")
    assert english.status_code == dutch.status_code == 200
    assert english.json()["quick_exit"]["label"] == "Exit this page"
    assert english.json()["quick_exit"]["browse_safely"]["url"] == "/en/browse-safely/"
    assert dutch.json()["quick_exit"]["label"] == "Snel weg"
    assert dutch.json()["quick_exit"]["browse_safely"]["url"] == "/veilig-internetten/"
    assert dutch.json()["quick_exit"]["url"] == DEFAULT_EXIT_URL


@pytest.mark.parametrize(
    "query, message",
    [("?locale=xx", "xx"), ("?colour=red", "colour")],
)
def test_reader_safety_endpoint_rejects_bad_parameters(client, safety_demo, query, message):
    response = client.get(f"/api/v2/reader-safety/{query}")
    assert response.status_code == 400
    assert message in response.json()["message"]
