"""Images, documents and redirects in the API: an anonymous client learns only what public pages
show.

Beside the demo stories: an image on a published story, one only in a saved draft, one on a
password-protected story, one on a never-published story and one nobody uses; a document on a
published report and one nobody uses; a redirect from an old path. Every title of what must stay
hidden is a sentinel searched for in the whole response. API v2 (the example's
``comensha_content.api.media`` viewsets) has no tokens and always filters; API v3 (mounted with
``comensha_v3_urls``) asks a token for the media listings and redirects unless the site opts in,
and gives a token holder Wagtail's full listings, still without an image's original file URL.
"""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, PageViewRestriction

from comensha_content.models import LongreadPage, PolicyReportPage
from tests.helpers import record_consent

pytestmark = pytest.mark.django_db

HIDDEN = {
    "draft": "MEDIADRAFTk3f8",
    "private": "MEDIAPRIVATEp2w6",
    "unpublished": "MEDIAUNPUBx9q1",
    "unused": "MEDIAUNUSEDm7z4",
    "unused_document": "DOCUNUSEDv5r2",
}
SHOWN_IMAGE = "Shown on Lisa 4hd8"
SHOWN_DOCUMENT = "Shown on a report 8kw3"


def v3(settings):
    if not settings.WAGTAIL_8:
        pytest.skip("API v3 exists from Wagtail 8.0 on")


def make_image(title):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(filename=f"{title.split()[0].lower()}.png")
    )


def make_document(title):
    from django.core.files.base import ContentFile

    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name=f"{title.split()[0].lower()}.pdf")
    )


def with_hero(page, image):
    page.hero_image = image
    page.hero_image_alt = "A window at dusk"
    return page


@pytest.fixture
def media(demo, django_capture_on_commit_callbacks):
    """The media above, with the reference index updated as after committed requests."""
    with django_capture_on_commit_callbacks(execute=True):
        # The demo's own hero illustrations first leave the stories, so that the images below
        # are the only ones any page uses; the long story, with images and a document in its
        # body too, goes offline.
        for language in ("nl", "en"):
            pages = LongreadPage.objects.live().filter(locale__language_code=language)
            for story in pages.filter(slug="daan"):
                story.unpublish()
            for story in pages.exclude(hero_image=None):
                story.hero_image = None
                story.save_revision().publish()
        lisa = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
        images = {
            key: make_image(title) for key, title in HIDDEN.items() if key != "unused_document"
        }
        shown = make_image(SHOWN_IMAGE)
        with_hero(lisa, shown).save_revision().publish()

        alexander = LongreadPage.objects.live().exclude(pk=lisa.pk).filter(locale=lisa.locale)[0]
        with_hero(alexander, images["draft"]).save_revision()  # the live page keeps no hero

        private = lisa.copy(update_attrs={"slug": "private-copy"}, keep_live=False)
        record_consent(private)  # a copied story carries no consent
        with_hero(private.specific, images["private"]).save_revision().publish()
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

        unpublished = lisa.copy(update_attrs={"slug": "unpublished-copy"}, keep_live=False)
        with_hero(unpublished.specific, images["unpublished"]).save()

        report = PolicyReportPage.objects.live()[0]
        document = make_document(SHOWN_DOCUMENT)
        report.document = document
        report.save_revision().publish()
        unused_document = make_document(HIDDEN["unused_document"])
    assert not LongreadPage.objects.get(pk=alexander.pk).hero_image_id
    return {
        "image": shown,
        "images": images,
        "document": document,
        "unused_document": unused_document,
    }


@pytest.fixture
def token_headers(django_user_model, settings):
    v3(settings)
    from wagtail.models import APIToken  # Wagtail 8

    user = django_user_model.objects.create_superuser("media-reader", "m@example.org", "x")
    _token, plaintext = APIToken.create_token(user=user, name="media")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def assert_nothing_hidden(response, media):
    body = response.content.decode()
    leaked = [key for key, sentinel in HIDDEN.items() if sentinel in body]
    assert leaked == [], f"{response.request['PATH_INFO']} shows {leaked}"
    assert_no_original(response, media)


def assert_no_original(response, media):
    body = response.content.decode()
    images = [media["image"], *media["images"].values()]
    assert "original_images" not in body
    assert not [image.file.url for image in images if image.file.url in body]


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


# --- API v2 ---------------------------------------------------------------------------------------


def test_v2_image_listing_shows_only_images_of_public_pages(client, media):
    response = client.get("/api/v2/images/?limit=20")
    assert ids(response) == {media["image"].pk}
    assert_nothing_hidden(response, media)
    assert "download_url" not in response.content.decode()


def test_v2_image_search_and_fields_find_nothing_hidden(client, media):
    for sentinel in HIDDEN.values():
        response = client.get(f"/api/v2/images/?search={sentinel}")
        assert ids(response) == set(), sentinel
    response = client.get("/api/v2/images/?fields=*&limit=20")
    assert ids(response) == {media["image"].pk}
    assert_nothing_hidden(response, media)


def test_v2_image_detail_of_a_hidden_image_is_404(client, media):
    response = client.get(f"/api/v2/images/{media['image'].pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == SHOWN_IMAGE
    assert "download_url" not in response.json()["meta"]
    assert_no_original(response, media)
    for key, image in media["images"].items():
        assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404, key


def test_v2_image_original_url_cannot_be_asked_for(client, media):
    response = client.get("/api/v2/images/?fields=download_url")
    assert response.status_code == 400
    assert "download_url" in response.json()["message"]


def test_v2_documents_only_those_public_pages_use(client, media):
    response = client.get("/api/v2/documents/?limit=20")
    assert ids(response) == {media["document"].pk}
    assert_nothing_hidden(response, media)
    assert client.get(f"/api/v2/documents/{media['document'].pk}/").status_code == 200
    assert client.get(f"/api/v2/documents/{media['unused_document'].pk}/").status_code == 404


def test_v2_an_image_disappears_when_its_only_page_is_unpublished(
    client, media, django_capture_on_commit_callbacks
):
    # Publishing the Dutch story updated its English translation too (the hero image is a
    # synchronised field), so the image's pages are Lisa in both languages.
    lisa = LongreadPage.objects.get(slug="lisa", locale__language_code="nl")
    assert (
        lisa.get_translation(Locale.objects.get(language_code="en")).hero_image_id
        == media["image"].pk
    )
    with django_capture_on_commit_callbacks(execute=True):
        for story in LongreadPage.objects.live().filter(translation_key=lisa.translation_key):
            story.unpublish()
    assert client.get(f"/api/v2/images/{media['image'].pk}/").status_code == 404
    assert ids(client.get("/api/v2/images/")) == set()


# --- API v3 ---------------------------------------------------------------------------------------


def test_v3_media_listings_need_a_token(client, media, settings):
    v3(settings)
    for path in ("/api/v3/images/", "/api/v3/documents/"):
        response = client.get(path)
        assert response.status_code == 401, path
        assert response["Content-Type"] == "application/problem+json"
        assert response["WWW-Authenticate"] == "Bearer"
        assert response.json()["status"] == 401
        assert_nothing_hidden(response, media)
        bad = client.get(path, HTTP_AUTHORIZATION="Bearer not-a-token")
        assert bad.status_code == 401, path


def test_v3_media_listings_with_a_token_are_complete_without_original_urls(
    client, media, settings, token_headers
):
    v3(settings)
    images = client.get("/api/v3/images/?limit=20", **token_headers)
    expected = {media["image"].pk, *(image.pk for image in media["images"].values())}
    assert expected <= ids(images)
    assert {item["meta"]["download_url"] for item in images.json()["items"]} == {None}
    assert_no_original(images, media)
    documents = client.get("/api/v3/documents/?limit=20", **token_headers)
    assert {media["document"].pk, media["unused_document"].pk} <= ids(documents)
    hidden = media["images"]["unused"].pk
    detail = client.get(f"/api/v3/images/{hidden}/", **token_headers)
    assert detail.status_code == 200 and detail.json()["meta"]["download_url"] is None


def test_v3_opted_in_media_listings_show_anonymous_clients_only_public_media(
    client, media, settings
):
    v3(settings)
    settings.COMENSHA_CONTENT_PUBLIC_MEDIA_API = True
    images = client.get("/api/v3/images/?limit=20")
    assert ids(images) == {media["image"].pk}
    assert images.json()["count"] == 1
    assert_nothing_hidden(images, media)
    documents = client.get("/api/v3/documents/?limit=20")
    assert ids(documents) == {media["document"].pk}
    assert_nothing_hidden(documents, media)


def test_v3_anonymous_detail_of_hidden_media_is_404(client, media, settings):
    v3(settings)
    shown = client.get(f"/api/v3/images/{media['image'].pk}/")
    assert shown.status_code == 200
    assert shown.json()["meta"]["download_url"] is None
    assert_no_original(shown, media)
    for key, image in media["images"].items():
        response = client.get(f"/api/v3/images/{image.pk}/")
        assert response.status_code == 404, key
        assert_nothing_hidden(response, media)
    assert client.get(f"/api/v3/documents/{media['document'].pk}/").status_code == 200
    assert client.get(f"/api/v3/documents/{media['unused_document'].pk}/").status_code == 404


def test_v3_media_ask_a_token_when_the_querysets_are_not_narrowed(
    client, media, settings, monkeypatch
):
    v3(settings)
    from wagtail.images.api.v3 import router

    settings.COMENSHA_CONTENT_PUBLIC_MEDIA_API = True
    original = router.get_images_queryset.comensha_original
    monkeypatch.setattr(router, "get_images_queryset", original)  # as if Wagtail renamed it
    for path in ("/api/v3/images/", f"/api/v3/images/{media['images']['unused'].pk}/"):
        response = client.get(path)
        assert response.status_code == 401, path
        assert_nothing_hidden(response, media)


# --- API v3 redirects -----------------------------------------------------------------------------


@pytest.fixture
def redirect(demo):
    from wagtail.contrib.redirects.models import Redirect

    return Redirect.objects.create(old_path="/verhalen/oude-naam", redirect_link="/longread/")


def redirect_paths(redirect):
    return [
        "/api/v3/redirects/",
        f"/api/v3/redirects/{redirect.pk}/",
        f"/api/v3/redirects/find/?id={redirect.pk}",
    ]


def test_v3_redirects_need_a_token(client, redirect, settings):
    v3(settings)
    for path in redirect_paths(redirect):
        response = client.get(path)
        assert response.status_code == 401, path
        assert b"oude-naam" not in response.content


def test_v3_redirects_with_a_token(client, redirect, settings, token_headers):
    v3(settings)
    listing = client.get("/api/v3/redirects/?old_path=/verhalen/oude-naam", **token_headers)
    assert ids(listing) == {redirect.pk}
    detail = client.get(f"/api/v3/redirects/{redirect.pk}/", **token_headers)
    assert detail.status_code == 200 and detail.json()["old_path"] == "/verhalen/oude-naam"


def test_v3_redirects_opted_in_are_public(client, redirect, settings):
    v3(settings)
    settings.COMENSHA_CONTENT_PUBLIC_REDIRECTS_API = True
    assert ids(client.get("/api/v3/redirects/?old_path=/verhalen/oude-naam")) == {redirect.pk}
    assert client.get(f"/api/v3/redirects/{redirect.pk}/").status_code == 200
