"""Bad input to API v2 answers 400 with a message a developer can act on, never a 500 or a 404.

Covers unknown fields, types, locales, parameters and malformed values on the pages and
recommendations endpoints (the tracker's own filter values are in test_recommendations_api).
"""

import pytest

from comensha_content.models import LongreadPage

pytestmark = pytest.mark.django_db

LONGREAD = "comensha_content.LongreadPage"
REPORT = "comensha_content.PolicyReportPage"

PAGES_CASES = [
    # (query parameters, a word the message must contain)
    ({"type": "comensha_content.Nope"}, "type"),
    ({"type": "not-a-model-label"}, "type"),
    ({"fields": "bogus"}, "bogus"),
    ({"fields": "title,("}, "fields"),
    ({"locale": "xx"}, "xx"),
    ({"locale": ""}, "locale"),
    ({"colour": "red"}, "colour"),
    ({"limit": "ten"}, "limit"),
    ({"limit": "-1"}, "limit"),
    ({"offset": "-5"}, "offset"),
    ({"child_of": "abc"}, "child_of"),
    ({"descendant_of": "999999"}, "doesn't exist"),
    ({"translation_of": "abc"}, "translation_of"),
    ({"order": "bogus"}, "bogus"),
    ({"narrator": "victim"}, "narrator"),  # a type's filter without ?type=
    ({"type": LONGREAD, "narrator": "bogus"}, "bogus"),
    ({"type": LONGREAD, "form": "no-such-form"}, "no-such-form"),
    ({"type": LONGREAD, "narrator_kind": "bogus"}, "bogus"),
    ({"type": LONGREAD, "shown_name_is_pseudonym": "perhaps"}, "perhaps"),
    ({"type": REPORT, "publication_date": "yesterday"}, "yesterday"),
    ({"type": REPORT, "document_type": "memo"}, "memo"),
]


@pytest.mark.parametrize(("params", "word"), PAGES_CASES, ids=[str(c[0]) for c in PAGES_CASES])
def test_pages_listing_bad_input_is_a_400_with_a_message(client, demo, params, word):
    response = client.get("/api/v2/pages/", params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400, (params, response.status_code, response.content[:200])
    message = response.json()["message"]
    assert word in message, (params, message)


def test_unknown_site_is_a_404_and_a_malformed_port_a_400(client, demo):
    """As Wagtail 8 answers; Wagtail 7.4 answered both with a server error."""
    unknown = client.get("/api/v2/pages/", {"site": "unknown.example"})
    assert unknown.status_code == 404
    assert "site" in unknown.json()["message"].lower()
    malformed = client.get("/api/v2/pages/", {"site": "localhost:port"})
    assert malformed.status_code == 400
    assert "port" in malformed.json()["message"]


def test_good_values_of_the_same_parameters_are_accepted(client, demo):
    for params in (
        {"type": LONGREAD, "narrator_kind": "victim", "locale": "en"},
        {"type": LONGREAD, "shown_name_is_pseudonym": "true"},
        {"type": REPORT, "publication_date": "2020-10-30"},
        {"type": REPORT, "document_type": "advies"},
        {"locale": "nl", "fields": "title", "limit": "5", "offset": "0"},
    ):
        response = client.get("/api/v2/pages/", params)
        assert response.status_code == 200, (params, response.content[:200])
        assert response.json()["items"], params


@pytest.mark.parametrize(
    ("params", "word"),
    [({"fields": "bogus"}, "bogus"), ({"fields": "body(x)"}, "body")]
    + ([({"rich_text_format": "rtf"}, "rtf")] if __import__("wagtail").VERSION >= (8, 0) else []),
)
def test_pages_detail_bad_input_is_a_400(client, demo, params, word):
    page = LongreadPage.objects.live().first()
    response = client.get(f"/api/v2/pages/{page.pk}/", params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400, response.content[:200]
    assert word in response.json()["message"]


@pytest.mark.parametrize(
    ("params", "word"),
    [
        ({"fields": "bogus"}, "bogus"),
        ({"order": "bogus"}, "bogus"),
        ({"limit": "many"}, "limit"),
        ({"locale": "xx"}, "xx"),
        ({"status": "finished"}, "finished"),
        ({"report": "abc"}, "abc"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_recommendations_bad_input_is_a_400(client, demo, params, word):
    response = client.get("/api/v2/recommendations/", params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400, (params, response.status_code, response.content[:200])
    assert word in response.json()["message"]


def test_an_unknown_id_is_a_404_with_a_message(client, demo):
    for url in ("/api/v2/pages/999999/", "/api/v2/recommendations/999999/"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["message"]
