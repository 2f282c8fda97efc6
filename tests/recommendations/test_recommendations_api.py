"""API v2: the recommendations endpoint with the tracker's filters, and reports with theirs.

This module is also the URL conf of its tests: the example's URLs with a router that has the
``recommendations`` endpoint, as README tells a site to register it.
"""

import pytest
from wagtail.api.v2.router import WagtailAPIRouter

from comensha_content.api.v2 import ComenshaPagesAPIViewSet
from comensha_content.api.v2_recommendations import RecommendationsAPIViewSet
from comensha_content.recommendations.models import ProgressStatus, Recommendation
from tests.recommendations.recommendation_helpers import (
    DEMO,
    expected_codes,
    report_param,
)
from tests.recommendations.test_recommendations import BAD_FILTER_CASES, FILTER_CASES

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ComenshaPagesAPIViewSet)
api_router.register_endpoint("recommendations", RecommendationsAPIViewSet)


def _urlpatterns():
    from django.urls import path

    from demo_site import urls as site_urls

    return [path("api/v2/", api_router.urls), *site_urls.urlpatterns]


urlpatterns = _urlpatterns()


pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

ENDPOINT = "/api/v2/recommendations/"


def items(client, params=None):
    response = client.get(ENDPOINT, {"limit": 20, **(params or {})})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_api_filters_match_the_tracker(client, tracker_nl, site_context):
    for params in FILTER_CASES:  # one database for all cases: the fixture is slow
        result = items(client, report_param(params, site_context.reports))
        assert sorted(item["code"] for item in result) == sorted(expected_codes(**params)), params


def test_api_search(client, tracker_nl):
    assert [item["code"] for item in items(client, {"search": "huurcontract"})] == ["4.4.B"]
    assert [
        item["code"]
        for item in items(client, {"search": "verblijfsvergunning", "theme": "identification"})
    ] == []


def test_api_bad_values_answer_400_with_a_message(client, tracker_nl):
    for params, word in [
        *BAD_FILTER_CASES,
        ({"locale": "xx"}, "xx"),
        ({"colour": "red"}, "colour"),
        ({"search": '"'}, None),  # not bad: cleaned, searched
    ]:
        response = client.get(ENDPOINT, params)
        if word is None:
            assert response.status_code == 200, params
            continue
        assert response.status_code == 400, params
        assert word in response.json()["message"], params


def test_listing_shape(client, tracker_nl):
    (item,) = items(client, {"search": "huurcontract"})
    recommendation = Recommendation.objects.get(code="4.4.B")
    assert item["id"] == recommendation.pk
    assert item["meta"]["type"] == "comensha_content.Recommendation"
    assert item["meta"]["locale"] == "nl"
    assert item["meta"]["html_url"].endswith(f"/aanbevelingen/r/{recommendation.pk}/")
    assert item["meta"]["detail_url"].endswith(f"{ENDPOINT}{recommendation.pk}/")
    assert item["title"] == "Maak het arbeidscontract los van het huurcontract"
    assert item["report"]["title"] == "Geen tweederangsburgers"
    assert item["report"]["publication_date"] == "2020-10-30"
    assert item["report"]["document_type"]["code"] == "advies"
    assert [theme["code"] for theme in item["themes"]] == ["housing"]
    assert item["themes"][0]["name"] == "Huisvesting" and item["themes"][0]["is_fallback"] is False
    assert sorted(a["code"] for a in item["addressees"]) == ["ministerie-bzk", "ministerie-szw"]
    assert item["government_response"]["code"] == "accepted"
    assert item["current_status"] == {
        "code": "bill-in-preparation",
        "label": str(ProgressStatus.BILL_IN_PREPARATION.label),
        "date": "2023-01-11",
    }
    assert "history" not in item  # detail only, or with ?fields=history


def test_detail_has_history_oldest_first(client, tracker_nl):
    recommendation = Recommendation.objects.get(code="4.1.A")
    response = client.get(f"{ENDPOINT}{recommendation.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert [step["date"] for step in data["history"]] == ["2020-12-14", "2021-12-17", "2025-11-11"]
    assert [step["status"]["code"] for step in data["history"]] == [
        "exploring",
        "bill-in-preparation",
        "adopted",
    ]
    assert data["history"][0]["source"] == {
        "title": "Kabinetsreactie op ‘Geen tweederangsburgers’ (Kamerstuk 29861 nr. 55)",
        "url": "https://zoek.officielebekendmakingen.nl/kst-29861-55.html",
    }
    assert data["current_status"]["code"] == data["history"][-1]["status"]["code"] == "adopted"
    assert data["current_status"]["date"] == "2025-11-11"
    assert data["urgency"] is None
    assert "Voorbeeldtekst" in data["text"]


def test_recommendation_without_history(client, tracker_nl):
    recommendation = Recommendation.objects.get(code="REST-2")
    data = client.get(f"{ENDPOINT}{recommendation.pk}/").json()
    assert data["history"] == []
    assert (
        data["current_status"]["code"] == "not-started" and data["current_status"]["date"] is None
    )


def test_fields_parameter_adds_history_to_listing(client, tracker_nl):
    result = items(client, {"fields": "history", "status": "in-force"})
    assert [item["code"] for item in result] == ["4.2.A"]
    assert result[0]["history"][-1]["date"] == "2022-10-01"


def test_draft_report_hides_its_recommendations(client, tracker_nl):
    from comensha_content.recommendations.models import PolicyReportPage

    PolicyReportPage.objects.get(slug="rest-policy-paper").unpublish()
    assert not {"REST-1", "REST-2", "REST-3"} & {item["code"] for item in items(client)}
    hidden = Recommendation.objects.get(code="REST-1")
    assert client.get(f"{ENDPOINT}{hidden.pk}/").status_code == 404


def test_report_page_in_pages_api_has_its_recommendations(client, tracker_nl):
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "comensha_content.PolicyReportPage",
            "fields": "*",
            "slug": "geen-tweederangsburgers",
        },
    )
    assert response.status_code == 200, response.content
    (page,) = response.json()["items"]
    assert page["publication_date"] == "2020-10-30"
    assert (
        page["document_type"] == {"code": "advies", "label": "Advice"}
        or page["document_type"]["code"] == "advies"
    )
    assert page["publisher"] == "Aanjaagteam Bescherming Arbeidsmigranten"
    codes = sorted(item["code"] for item in page["recommendations"])
    assert codes == sorted(code for code, data in DEMO.items() if data[0] == "second-class")
    wtta = next(item for item in page["recommendations"] if item["code"] == "4.1.A")
    assert wtta["current_status"]["code"] == "adopted"
    assert len(wtta["history"]) == 3
    quotes = [block for block in page["body"] if block["type"] == "pull_quote"]
    assert [quote["value"]["attribution_name"] for quote in quotes] == [
        "Emile Roemer",
        "Ina H.R. Hut",
    ]


def test_report_page_reference_in_api(client, tracker_nl):
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "comensha_content.PolicyReportPage",
            "fields": "reference,external_url,document_type",
            "document_type": "kabinetsreactie",
        },
    )
    assert response.status_code == 200, response.content
    references = sorted(item["reference"] for item in response.json()["items"])
    assert references == ["Kamerstuk 29861 nr. 52", "Kamerstuk 29861 nr. 55"]


def test_english_recommendations_in_api(client, tracker_bilingual):
    result = items(client, {"locale": "en", "fields": "history"})
    assert sorted(item["code"] for item in result) == sorted(DEMO)
    by_code = {item["code"]: item for item in result}
    housing = by_code["4.4.B"]
    assert housing["title"] == "Separate the employment contract from the rental contract"
    assert housing["meta"]["locale"] == "en"
    assert housing["report"]["title"] == "No second-class citizens"
    assert housing["report"]["locale"] == "en"
    assert housing["themes"][0] == {
        **housing["themes"][0],
        "code": "housing",
        "name": "Housing",
        "locale": "en",
        "is_fallback": False,
    }
    assert housing["current_status"]["label"] == "Bill in preparation"
    assert housing["meta"]["html_url"].endswith(f"/en/recommendations/r/{housing['id']}/")
    wtta = by_code["4.1.A"]
    assert [step["date"] for step in wtta["history"]] == ["2020-12-14", "2021-12-17", "2025-11-11"]
    assert "1 January 2027" in wtta["history"][-1]["explanation"]
    assert sorted(
        item["code"] for item in items(client, {"locale": "en", "theme": "housing"})
    ) == sorted(expected_codes(theme="housing"))
    assert len(items(client)) == 2 * len(DEMO)  # no locale: both languages
