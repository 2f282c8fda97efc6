"""The published JSON Schema of API v2's /recommendations/ endpoint matches what it serves.

Every demo recommendation, in Dutch and English, is checked strictly (unknown keys fail) as a
detail response and as a listing item, with the listing's default fields and with all of them.
"""

import json
from pathlib import Path

import pytest

from comensha_content.recommendations.models import Recommendation
from comensha_content.schema.sets import SchemaSet
from tests.api.test_schema import validate

pytestmark = pytest.mark.django_db

ENDPOINT = "/api/v2/recommendations/"
COMMITTED = Path(__file__).resolve().parents[2] / "schema" / "endpoints"


@pytest.fixture(scope="module")
def schemas():
    strict = SchemaSet(strict=True)
    return {
        "detail": strict.endpoint_document("recommendations.detail"),
        "listing": strict.endpoint_document("recommendations.listing"),
    }


def test_every_demo_recommendation_validates_in_both_languages(client, demo, schemas):
    recommendations = Recommendation.objects.public().select_related("locale")
    by_language = {}
    for recommendation in recommendations:
        by_language.setdefault(recommendation.locale.language_code, []).append(recommendation)
    assert set(by_language) == {"nl", "en"}
    assert all(len(items) >= 5 for items in by_language.values())

    for recommendation in recommendations:
        response = client.get(f"{ENDPOINT}{recommendation.pk}/")
        assert response.status_code == 200, response.content
        data = response.json()
        assert data["meta"]["locale"] == recommendation.locale.language_code
        try:
            validate(data, schemas["detail"])
        except AssertionError as error:
            raise AssertionError(f"{recommendation} ({recommendation.locale}): {error}") from None

    for language, expected in by_language.items():
        for fields in (None, "*"):
            seen = []
            while len(seen) < len(expected):  # pages of Wagtail's maximum limit (20)
                params = {"locale": language, "limit": 20, "offset": len(seen)}
                response = client.get(
                    ENDPOINT, {**params, **({"fields": fields} if fields else {})}
                )
                assert response.status_code == 200, response.content
                listing = response.json()
                assert listing["meta"]["total_count"] == len(expected)
                assert listing["items"]
                validate(listing, schemas["listing"])
                seen += [item["id"] for item in listing["items"]]
            assert sorted(seen) == sorted(item.pk for item in expected)


def test_the_listing_schema_requires_the_listing_defaults_and_allows_the_rest(schemas):
    item = schemas["listing"]["$defs"]["RecommendationListingItem"]
    assert "history" in item["properties"] and "history" not in item["required"]
    assert {"code", "title", "current_status"} <= set(item["required"])
    detail = schemas["detail"]
    assert {"history", "text", "urgency"} <= set(detail["required"])
    assert detail["properties"]["meta"]["properties"]["type"] == {
        "const": "comensha_content.Recommendation"
    }


def test_a_recommendation_with_a_wrong_shape_fails(client, demo, schemas):
    recommendation = Recommendation.objects.public().first()
    data = client.get(f"{ENDPOINT}{recommendation.pk}/").json()
    broken = {**data, "current_status": {**data["current_status"], "code": "finished"}}
    with pytest.raises(AssertionError, match="current_status"):
        validate(broken, schemas["detail"])
    with pytest.raises(AssertionError, match="consent"):
        validate({**data, "consent": True}, schemas["detail"])


def test_the_committed_schema_files_are_the_published_ones():
    published = SchemaSet()
    for name in ("recommendations.detail", "recommendations.listing"):
        committed = json.loads((COMMITTED / f"{name}.json").read_text(encoding="utf-8"))
        assert committed == json.loads(json.dumps(published.endpoint_document(name))), name
