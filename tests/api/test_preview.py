"""Headless preview: one page's draft, through a short-lived signed token, and nothing else.

Sentinel draft text is visible with a valid token for that page and absent from every other read.
"""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.utils import translation

from comensha_content.api.preview import SALT, make_preview_token
from comensha_content.models import LongreadPage
from tests.api.test_schema import validate
from tests.helpers import soup

pytestmark = pytest.mark.django_db

SENTINEL = "DRAFT-SENTINEL-7f3a"
FRONT_END = (
    "https://front.example.org/api/preview?id={id}&revision={revision}&type={type}&lang={locale}"
)


@pytest.fixture(autouse=True)
def front_end(settings):
    """A front end is configured: without one the endpoint does not exist (tested below)."""
    settings.COMENSHA_CONTENT_HEADLESS_PREVIEW_URL = FRONT_END


@pytest.fixture
def drafted(demo):
    """An English story with a saved, unpublished draft carrying the sentinel."""
    page = LongreadPage.objects.live().filter(locale__language_code="en").first()
    page.lede = SENTINEL
    page.save_revision()
    return page


def preview(client, page, token, **params):
    """The front end's request: the token in the Authorization header, never in the address."""
    headers = {"Authorization": f"Preview {token}"} if token is not None else {}
    return client.get(
        f"/api/v2/preview/{page.pk}/", params, headers=headers, HTTP_ACCEPT_LANGUAGE="en"
    )


def test_a_valid_token_shows_the_draft_in_the_detail_shape(client, drafted, superuser):
    response = preview(client, drafted, make_preview_token(drafted, superuser))
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["lede"] == SENTINEL
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert "ETag" not in response
    live = client.get(f"/api/v2/pages/{drafted.pk}/").json()
    assert set(data) == set(live) and set(data["meta"]) == set(live["meta"])
    assert data["meta"]["detail_url"] == live["meta"]["detail_url"]  # links to the pages API
    from comensha_content.schema.sets import page_schema

    validate(data, page_schema(LongreadPage, strict=True))


def in_request_language(message):
    """``message`` as the API answers it: in the request's language (``Accept-Language: en``).

    English differs from the site's default (Dutch), so a message left in Dutch fails here.
    """
    with translation.override("en"):
        return translation.gettext(message)


def test_without_a_token_the_draft_is_never_served(client, drafted, superuser):
    assert SENTINEL not in client.get(f"/api/v2/pages/{drafted.pk}/").content.decode()
    assert SENTINEL not in client.get("/api/v2/pages/", {"fields": "*"}).content.decode()
    missing = preview(client, drafted, None)
    assert missing.status_code == 400
    assert missing.json()["message"] == in_request_language(
        "A preview token is required: open the preview from the page editor."
    )
    assert SENTINEL not in missing.content.decode()


def test_a_token_for_another_page_is_refused(client, drafted, superuser):
    other = LongreadPage.objects.live().exclude(pk=drafted.pk).first()
    response = preview(client, drafted, make_preview_token(other, superuser))
    assert response.status_code == 403
    assert response.json() == {
        "message": in_request_language("This preview token is for another page.")
    }


def test_forged_altered_and_expired_tokens_are_refused(client, drafted, superuser, settings):
    token = make_preview_token(drafted, superuser)
    forged = signing.dumps({"page": drafted.pk, "user": superuser.pk}, salt="another.salt")
    for bad in (forged, token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "nonsense"):
        response = preview(client, drafted, bad)
        assert response.status_code == 403, bad
        assert response.json() == {
            "message": in_request_language("This preview token is not valid.")
        }

    settings.COMENSHA_CONTENT_HEADLESS_PREVIEW_MAX_AGE = 1
    old = signing.TimestampSigner(salt=SALT)  # a token signed two seconds ago
    old.timestamp = lambda: signing.b62_encode(int(time.time()) - 2)
    expired = old.sign_object({"page": drafted.pk, "user": superuser.pk}, compress=True)
    response = preview(client, drafted, expired)
    assert response.status_code == 403
    assert response.json()["message"] == in_request_language(
        "This preview token has expired: open the preview again from the page editor."
    )
    assert SENTINEL not in response.content.decode()


def test_a_token_stops_working_when_its_editor_may_no_longer_edit(
    client, drafted, django_user_model
):
    reader = django_user_model.objects.create_user("reader", "r@example.org", "x")
    response = preview(client, drafted, make_preview_token(drafted, reader))
    assert response.status_code == 403
    assert SENTINEL not in response.content.decode()
    editor = django_user_model.objects.create_superuser("gone", "g@example.org", "x")
    token = make_preview_token(drafted, editor)
    editor.is_active = False
    editor.save()
    assert preview(client, drafted, token).status_code == 403


def test_unknown_parameters_are_a_400(client, drafted, superuser):
    response = preview(client, drafted, make_preview_token(drafted, superuser), version="draft")
    assert response.status_code == 400
    assert "version" in response.json()["message"]


def test_the_editor_opens_the_front_end_with_a_token_for_this_page(
    client, drafted, superuser, settings
):
    settings.COMENSHA_CONTENT_HEADLESS_PREVIEW_URL = FRONT_END
    client.force_login(superuser)
    button_url = f"/admin/comensha/headless-preview/{drafted.pk}/"
    # A translation is edited in wagtail-localize's editor: the button is in the page's
    # header menu in the explorer; a source page has it in its editor as well.
    explorer = client.get(f"/admin/pages/{drafted.pk}/").content.decode()
    assert button_url in explorer
    source = LongreadPage.objects.get(
        translation_key=drafted.translation_key, locale__language_code="nl"
    )
    editor_html = client.get(f"/admin/pages/{source.pk}/edit/").content.decode()
    assert f"/admin/comensha/headless-preview/{source.pk}/" in editor_html

    response = client.get(button_url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    form = soup(response.content.decode()).find("form", id="comensha-headless-preview")
    assert form["method"] == "post"
    action = urlsplit(form["action"])
    assert action.netloc == "front.example.org"
    query = parse_qs(action.query)
    assert "token" not in query  # the token is posted, never in the front end's address
    assert query["id"] == [str(drafted.pk)]
    assert query["revision"] == [str(drafted.get_latest_revision().pk)]
    assert query["type"] == ["comensha_content.LongreadPage"]
    assert query["lang"] == ["en"]
    token = form.find("input", attrs={"name": "token"})["value"]
    client.logout()
    data = preview(client, drafted, token).json()
    assert data["lede"] == SENTINEL


def test_no_button_and_no_token_without_a_front_end_or_permission(
    client, drafted, superuser, django_user_model, settings
):
    settings.COMENSHA_CONTENT_HEADLESS_PREVIEW_URL = ""
    client.force_login(superuser)
    button_url = f"/admin/comensha/headless-preview/{drafted.pk}/"
    assert button_url not in client.get(f"/admin/pages/{drafted.pk}/").content.decode()
    assert client.get(f"/admin/comensha/headless-preview/{drafted.pk}/").status_code == 404

    settings.COMENSHA_CONTENT_HEADLESS_PREVIEW_URL = FRONT_END
    from django.contrib.auth.models import Group, Permission

    viewer = django_user_model.objects.create_user("viewer", "v@example.org", "x")
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    viewer.groups.add(group)
    client.force_login(viewer)
    response = client.get(f"/admin/comensha/headless-preview/{drafted.pk}/")
    assert response.status_code in (302, 403)  # Wagtail answers PermissionDenied with a redirect
    assert "front.example.org" not in response.content.decode() + response.get("Location", "")


# --- Exposure: where the token travels, what it reads, how long, with which key ---------------


def test_a_token_in_the_query_string_is_refused_with_a_message(client, drafted, superuser):
    token = make_preview_token(drafted, superuser)
    response = client.get(f"/api/v2/preview/{drafted.pk}/", {"token": token})
    assert response.status_code == 400
    assert response["Cache-Control"] == "private, no-store"
    assert "Authorization" in response.json()["message"]
    assert SENTINEL not in response.content.decode()
    # Not even beside a valid header: an address with a token is never answered.
    with_header = client.get(
        f"/api/v2/preview/{drafted.pk}/?token={token}",
        headers={"Authorization": f"Preview {token}"},
    )
    assert with_header.status_code == 400


def test_the_token_works_in_either_header_and_in_a_post_body(client, drafted, superuser):
    token = make_preview_token(drafted, superuser)
    url = f"/api/v2/preview/{drafted.pk}/"
    answers = [
        client.get(url, headers={"X-Preview-Token": token}),
        client.post(url, {"token": token}),
        client.post(url, {"token": token}, content_type="application/json"),
    ]
    for response in answers:
        assert response.status_code == 200, response.content
        assert response.json()["lede"] == SENTINEL
        assert response["Cache-Control"] == "private, no-store"
    assert client.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 400


def test_a_token_reads_its_own_revision_only(client, drafted, superuser):
    first = drafted.get_latest_revision()
    token_for_first = make_preview_token(drafted, superuser)
    drafted.lede = "SECOND-DRAFT-91c2"
    second = drafted.save_revision()
    data = preview(client, drafted, token_for_first).json()
    assert data["lede"] == SENTINEL  # the revision it was signed for, not the newer draft
    asked = preview(client, drafted, token_for_first, revision=str(second.pk))
    assert asked.status_code == 403
    assert asked.json() == {
        "message": in_request_language("This preview token is for another revision.")
    }
    assert "SECOND-DRAFT-91c2" not in asked.content.decode()
    assert preview(client, drafted, token_for_first, revision=str(first.pk)).status_code == 200
    # A revision of another page, named in a token for this page, reads nothing.
    other = LongreadPage.objects.live().exclude(pk=drafted.pk).first()
    forged = signing.dumps(
        {"page": drafted.pk, "revision": other.get_latest_revision().pk, "user": superuser.pk},
        salt=SALT,
        compress=True,
    )
    assert preview(client, drafted, forged).status_code == 403


def test_tokens_live_two_minutes_by_default_and_never_over_five(
    client, drafted, superuser, settings
):
    from comensha_content.api.preview import MAX_AGE_LIMIT, preview_max_age

    assert preview_max_age() == 120
    settings.COMENSHA_CONTENT_HEADLESS_PREVIEW_MAX_AGE = 3600
    assert preview_max_age() == MAX_AGE_LIMIT == 300
    payload = {
        "page": drafted.pk,
        "revision": drafted.get_latest_revision().pk,
        "user": superuser.pk,
    }
    old = signing.TimestampSigner(salt=SALT)  # signed six minutes ago
    old.timestamp = lambda: signing.b62_encode(int(time.time()) - 360)
    response = preview(client, drafted, old.sign_object(payload, compress=True))
    assert response.status_code == 403
    assert SENTINEL not in response.content.decode()


def test_without_a_front_end_the_endpoint_does_not_exist(client, drafted, superuser, settings):
    settings.COMENSHA_CONTENT_HEADLESS_PREVIEW_URL = ""
    response = preview(client, drafted, make_preview_token(drafted, superuser))
    assert response.status_code == 404
    assert SENTINEL not in response.content.decode()


def test_a_token_in_the_front_end_address_or_a_long_life_is_reported(settings):
    from comensha_content.core.checks import check_headless_preview_settings

    assert check_headless_preview_settings(None) == []
    settings.COMENSHA_CONTENT_HEADLESS_PREVIEW_URL = "https://front.example.org/p?token={token}"
    settings.COMENSHA_CONTENT_HEADLESS_PREVIEW_MAX_AGE = 600
    ids = [problem.id for problem in check_headless_preview_settings(None)]
    assert ids == ["comensha_content.E030", "comensha_content.W030"]
