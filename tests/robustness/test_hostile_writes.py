"""API v3 writes answer hostile bodies with a 4xx, never a 500 (issue #20).

What a client sees: an anonymous write is Wagtail's 401 before its body is read (nothing is
parsed or validated for it); a body nested deeper than Python's JSON parser goes is a 400;
a block value that fails more than one of its field's checks is a 422 naming its path.
"""

import pytest

from comensha_content.api import v3
from comensha_content.models import LongreadIndexPage, LongreadPage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not v3.is_available(), reason="API v3 needs Wagtail 8"),
]

PAGES = "/api/v3/pages/"
DEEP_OBJECT = b'{"meta":' * 3000 + b"1" + b"}" * 3000
DEEP_ARRAY = b'{"title": ' + b"[" * 3000 + b"]" * 3000 + b"}"
HUGE_FACT = {"body": [{"type": "fact", "value": {"value": 10**27, "label": "x"}}]}


def token_headers(user, language="en"):
    from wagtail.models import APIToken

    _token, plaintext = APIToken.create_token(user=user, name="hostile")
    return {"authorization": f"Bearer {plaintext}", "accept-language": language}


def story():
    return LongreadPage.objects.live().filter(locale__language_code="nl").order_by("path").first()


def write_urls():
    index = LongreadIndexPage.objects.filter(locale__language_code="nl").first()
    return [
        ("post", PAGES, {"meta": {"type": "comensha_content.LongreadPage", "parent_id": index.pk}}),
        ("patch", f"{PAGES}{story().pk}/", {}),
        ("post", f"{PAGES}{story().pk}/actions/publish/", {}),
    ]


@pytest.mark.parametrize("body", [DEEP_OBJECT, DEEP_ARRAY, b'{"title": 5}', b"{", HUGE_FACT])
def test_anonymous_writes_are_401_whatever_the_body(client, demo, body):
    for method, url, _meta in write_urls():
        response = getattr(client, method)(url, body, content_type="application/json")
        assert response.status_code == 401, (method, url, response.content[:200])
        assert response.json()["title"] == "Unauthorized"


@pytest.mark.parametrize("body", [DEEP_OBJECT, DEEP_ARRAY])
def test_a_body_nested_too_deeply_is_a_400(client, demo, editor_user, body):
    headers = token_headers(editor_user)
    for method, url, _meta in write_urls():
        response = getattr(client, method)(
            url, body, content_type="application/json", headers=headers
        )
        assert response.status_code == 400, (method, url, response.content[:200])
        assert response.json()["detail"] == "Cannot parse request body"


def test_a_block_value_failing_several_checks_is_a_422_naming_its_path(client, demo, superuser):
    response = client.patch(
        f"{PAGES}{story().pk}/",
        HUGE_FACT,
        content_type="application/json",
        headers=token_headers(superuser),
    )
    assert response.status_code == 422, response.content
    error = response.json()["errors"][0]
    assert error["path"] == "body[0].value.value"
    assert error["type"] == "invalid"
    assert "digits" in error["msg"]


def test_a_body_that_is_no_object_is_a_422_with_a_message(client, demo, superuser):
    response = client.patch(
        f"{PAGES}{story().pk}/",
        b"[]",
        content_type="application/json",
        headers=token_headers(superuser),
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "The request holds a value that cannot be read."
