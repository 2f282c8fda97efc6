"""Nothing unpublished, private, expired or confidential reaches an anonymous client.

Sentinel values go into a draft, a never-published story, a password-protected and a
login-restricted story, a story whose consent review date has passed, an unpublished English
translation and every consent field (StoryConsent). Every response an anonymous client can get —
HTML pages, API v2 and v3 listings, details and search, the sitemap, the translation export
URLs — is searched for every sentinel. The site serves no feeds (nothing to check there).
Complements test_longread_privacy.py, which checks the consent fields in single outputs.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from comensha_content.models import LongreadPage, StoryConsent
from comensha_content.safety.consent_lifecycle import sweep

pytestmark = pytest.mark.django_db

SENTINELS = {
    "draft": "LEAKDRAFTq7v2",
    "never_published": "LEAKUNPUBw3k9",
    "password": "LEAKPASSWDz8m1",
    "login": "LEAKLOGINr5t4",
    "expired": "LEAKEXPIREDj6h3",
    "translation": "LEAKTRANSLd2x8",
    "consent_notes": "LEAKNOTESc1p5",
}


def copy_story(story, key, live=True):
    """A copy of ``story``; a copy carries no consent, so a live one gets its own record."""
    sentinel = SENTINELS[key]
    copy = story.copy(
        update_attrs={
            "title": f"{story.title} {sentinel}",
            "slug": f"hidden-{key.replace('_', '-')}",
        },
        keep_live=False,
        copy_revisions=False,
    ).specific
    if live:
        today = timezone.localdate()
        record = StoryConsent.objects.create(
            translation_key=copy.translation_key,
            consent_date=today - datetime.timedelta(days=400),
            review_date=today + datetime.timedelta(days=30),
            internal_notes=SENTINELS["consent_notes"],
        )
        record.scope_locales.set(Locale.objects.all())
        copy.save_revision().publish()
        copy.refresh_from_db()
    return copy


@pytest.fixture
def leaky_site(demo, locales):
    """Every kind of content that must stay hidden, next to the published demo stories."""
    lisa = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
    StoryConsent.objects.filter(translation_key=lisa.translation_key).update(
        internal_notes=SENTINELS["consent_notes"]
    )
    lisa.save_revision().publish()

    hidden = {}
    hidden["never_published"] = copy_story(lisa, "never_published", live=False)
    for key, kind in (("password", "password"), ("login", "login")):
        page = copy_story(lisa, key)
        PageViewRestriction.objects.create(page=page, restriction_type=kind, password="geheim")
        hidden[key] = page
    expired = copy_story(lisa, "expired")
    record = StoryConsent.objects.get(translation_key=expired.translation_key)
    record.review_date = timezone.localdate() - datetime.timedelta(days=2)
    record.save()  # consent's review date passed: the next request takes the story offline
    hidden["expired"] = expired

    english = lisa.get_translation(locales["en"])
    english.title = f"{english.title} {SENTINELS['translation']}"
    english.save_revision().publish()
    english.unpublish()
    hidden["translation"] = english

    lisa.refresh_from_db()
    lisa.title = f"{lisa.title} {SENTINELS['draft']}"
    lisa.save_revision()  # a draft: the live page keeps its title
    call_command("publish_scheduled", verbosity=0)  # what the site's cron runs: expiry
    sweep()  # what the first request after the review date does
    for page in hidden.values():
        page.refresh_from_db()
    assert not hidden["expired"].live and not hidden["never_published"].live
    assert not hidden["translation"].live
    assert hidden["password"].live and hidden["login"].live
    return {"lisa": LongreadPage.objects.get(pk=lisa.pk), "hidden": hidden}


def assert_no_sentinel(response, where):
    assert response.status_code < 500, where
    body = response.content.decode(errors="replace").lower()
    leaked = [key for key, sentinel in SENTINELS.items() if sentinel.lower() in body]
    assert leaked == [], f"{where} shows {leaked}"


def page_paths(site):
    lisa = site["lisa"]
    paths = ["/", "/en/", "/longread/", lisa.url]
    english_index = lisa.get_parent().specific.get_translation_or_none(
        Locale.objects.get(language_code="en")
    )
    if english_index is not None:
        paths.append(english_index.url)
    paths += [Page.objects.get(pk=page.pk).url or "/" for page in site["hidden"].values()]
    return paths


def test_html_pages(client, leaky_site):
    for path in page_paths(leaky_site):
        assert_no_sentinel(client.get(path), path)
    password = leaky_site["hidden"]["password"]
    response = client.get(password.url)
    assert response.status_code == 200 and b"password" in response.content.lower()


def test_api_v2(client, leaky_site):
    paths = [
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?type=comensha_content.LongreadPage&fields=*&limit=100",
        "/api/v2/pages/?type=comensha_content.LongreadPage&fields=*&locale=en&limit=100",
        "/api/v2/pages/find/?html_path=/longread/lisa/",
    ]
    paths += [f"/api/v2/pages/?search={sentinel}" for sentinel in SENTINELS.values()]
    paths += [f"/api/v2/pages/{page.pk}/" for page in leaky_site["hidden"].values()]
    paths += [f"/api/v2/pages/{leaky_site['lisa'].pk}/"]
    for path in paths:
        assert_no_sentinel(client.get(path), path)
    for page in leaky_site["hidden"].values():
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_api_v3(client, leaky_site, settings):
    if not settings.WAGTAIL_8:
        pytest.skip("API v3 exists from Wagtail 8.0 on")
    paths = ["/api/v3/pages/?limit=100", f"/api/v3/pages/{leaky_site['lisa'].pk}/"]
    paths += [f"/api/v3/pages/?search={sentinel}" for sentinel in SENTINELS.values()]
    paths += [f"/api/v3/pages/{page.pk}/" for page in leaky_site["hidden"].values()]
    for path in paths:
        assert_no_sentinel(client.get(path), path)
    for page in leaky_site["hidden"].values():
        assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404


def test_sitemap(client, leaky_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"/longread/lisa/" in response.content  # the published story is listed
    assert_no_sentinel(response, "the sitemap")


def test_search_of_public_pages(leaky_site):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    public = Page.objects.live().public()
    for key, sentinel in SENTINELS.items():
        assert list(backend.search(sentinel, public)) == [], key


def test_translation_exports_are_not_served_to_anonymous_clients(client, leaky_site):
    from django.urls import NoReverseMatch, reverse
    from wagtail_localize.models import Translation, TranslationSource

    source, _ = TranslationSource.update_or_create_from_instance(leaky_site["lisa"])
    for translation in Translation.objects.filter(source=source):
        for name in ("wagtail_localize:download_pofile", "wagtail_localize:edit_translation"):
            try:
                url = reverse(name, args=[translation.pk])
            except NoReverseMatch:
                continue
            response = client.get(url)
            assert response.status_code in (302, 403, 404), url
            assert_no_sentinel(response, url)
