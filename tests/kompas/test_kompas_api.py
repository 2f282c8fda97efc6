"""The Kompas over API v2 (and the v3 read schemas): taxonomy objects, legal basis, steps, links."""

import pytest
import wagtail

from comensha_content.kompas.models import InstrumentPage, KompasChapterPage, KompasPage

pytestmark = pytest.mark.django_db

TERM_KEYS = {"id", "code", "name", "locale", "is_fallback"}


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def english(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en")


def test_instrument_fields(client, kompas_demo):
    data = detail(client, english(InstrumentPage, "closure-by-the-mayor"))
    assert data["meta"]["locale"] == "en"
    assert data["legal_basis"][0]["type"] == "legal_basis"
    assert data["legal_basis"][0]["value"] == {
        "law": "Municipalities Act (Gemeentewet)",
        "article": "174",
        "url": "https://wetten.overheid.nl/BWBR0005416",
        "citation": "Municipalities Act (Gemeentewet), art. 174",
    }
    assert data["competent_body"] == {"code": "burgemeester", "label": "Mayor"}

    for field in ("responsible_roles", "partners", "forms_of_exploitation", "kader_themes"):
        assert data[field], field
        for term in data[field]:
            assert TERM_KEYS <= set(term), field
            assert term["locale"] == "en" and term["is_fallback"] is False
    assert [term["code"] for term in data["forms_of_exploitation"]] == [
        "sexual-exploitation",
        "labour-exploitation",
    ]
    assert data["kader_themes"] == [
        {
            "id": data["kader_themes"][0]["id"],
            "code": "identifying-signals",
            "name": "Municipal capacity to identify signals",
            "locale": "en",
            "number": 2,
            "is_fallback": False,
        }
    ]
    assert {"abbreviation", "url"} <= set(data["partners"][0])
    assert {"kind", "domain"} <= set(data["responsible_roles"][0])
    assert data["kader_plateau"]["code"] == "verdieping"
    assert data["kader_plateau"]["name"] == "In depth"

    assert [step["value"]["title"] for step in data["steps"]] == [
        "Record the facts",
        "Agree in the local triangle",
        "Decide and announce",
    ]
    case = data["risks"][0]["value"]["case_law"][0]
    assert case == {
        "ecli": "ECLI:NL:RVS:2017:1317",
        "court": "Administrative Jurisdiction Division of the Council of State",
        "date": "2017-05-17",
        "summary": case["summary"],
        "url": "https://deeplink.rechtspraak.nl/uitspraak?id=ECLI:NL:RVS:2017:1317",
    }
    assert case["summary"].startswith("The mayor of The Hague")
    related = data["related_instruments"]
    assert [item["url"] for item in related] == [
        "/en/kompas/apv-licensing-and-enforcement/",
        "/en/kompas/enforcement-arrangement/",
    ]
    assert set(related[0]) == {"id", "type", "locale", "title", "url", "is_fallback"}
    assert data["card_url"].endswith("/en/kompas/closure-by-the-mayor/card/")


def test_chapter_fields(client, kompas_demo):
    data = detail(client, english(KompasChapterPage, "nature-and-scale"))
    assert data["number"] == 1
    assert data["section"] == {"code": "wat", "label": "What?"}
    assert [theme["code"] for theme in data["kader_themes"]] == ["identifying-signals", "awareness"]
    assert data["kader_plateau"]["code"] == "basis"
    assert data["sections"][0] == {
        "anchor": "wat-is-mensenhandel",
        "title": "What is human trafficking?",
    }
    chapter_anchors = [
        block["value"]["anchor"] for block in data["body"] if block["type"] == "chapter"
    ]
    assert chapter_anchors == [section["anchor"] for section in data["sections"]]
    assert data["previous_chapter"] is None
    assert data["next_chapter"]["url"] == "/en/kompas/legislation/"
    assert data["card_url"].endswith("/en/kompas/nature-and-scale/card/")


def test_landing_fields(client, kompas_demo):
    data = detail(client, english(KompasPage, "kompas"))
    assert [section["code"] for section in data["sections"]] == ["wat", "hoe", "met-wie"]
    assert [section["label"] for section in data["sections"]] == ["What?", "How?", "With whom?"]
    assert [
        chapter["number"] for section in data["sections"] for chapter in section["chapters"]
    ] == [1, 2, 3, 4, 5, 6]
    assert [theme["number"] for theme in data["kader_themes"]] == [1, 2, 3, 4, 5]
    assert [plateau["code"] for plateau in data["plateaus"]] == ["basis", "verdieping"]
    finder = data["finder"]
    assert finder["endpoint_type"] == "comensha_content.InstrumentPage"
    assert [item["parameter"] for item in finder["filters"]] == list(
        InstrumentPage.api_filter_parameters
    )
    authority = finder["filters"][-1]["options"]
    assert {"code": "burgemeester", "label": "Mayor"} in authority


def test_finder_through_the_api_on_the_english_site(client, kompas_demo):
    landing = english(KompasPage, "kompas")
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "comensha_content.InstrumentPage",
            "descendant_of": landing.pk,
            "authority": "college",
            "fields": "competent_body,kader_plateau",
        },
    )
    assert response.status_code == 200
    titles = sorted(item["title"] for item in response.json()["items"])
    assert titles == [
        "Bibob screening when granting licences",
        "Designated officer and care coordination",
    ]
    assert {item["competent_body"]["code"] for item in response.json()["items"]} == {"college"}


@pytest.mark.skipif(wagtail.VERSION < (8, 0), reason="API v3 exists from Wagtail 8.0 on")
def test_api_v3_read_schemas_serialise_kompas_pages(kompas_demo):
    from django.test import RequestFactory
    from wagtail.api.v3.schemas import PageSchema, read_generator

    request = RequestFactory().get("/api/v3/pages/")
    for model, slug in (
        (InstrumentPage, "closure-by-the-mayor"),
        (KompasChapterPage, "nature-and-scale"),
        (KompasPage, "kompas"),
    ):
        schema = read_generator.generate_schema(model, base_class=PageSchema)
        dumped = schema.from_orm(english(model, slug), context={"request": request}).model_dump()
        assert dumped["title"], model
        if model is InstrumentPage:
            assert dumped["competent_body"] == {"code": "burgemeester", "label": "Mayor"}
            assert dumped["kader_themes"][0]["code"] == "identifying-signals"
            assert dumped["related_instruments"][0]["locale"] == "en"
