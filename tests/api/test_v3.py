"""API v3 (Wagtail 8): typed StreamFields in OpenAPI and /schema/, tolerant reads, public access.

Every content read here is anonymous: API tokens can see drafts and private pages and are never
used for public reads. Only the /schema/ endpoints, which Wagtail reserves for token holders,
are read with a token.
"""

import pytest
from django.utils import translation
from wagtail.models import Locale

from comensha_content.api import v3
from comensha_content.blocks import ImageBlock, StoryBodyBlock
from comensha_content.models import LongreadPage
from comensha_content.schema.sets import SchemaSet, page_schema
from tests.api.test_schema import live_package_pages, validate
from tests.factories import publish_child

pytestmark = pytest.mark.skipif(
    not v3.is_available(), reason="API v3 needs Wagtail 8 with wagtail.api.v3 installed"
)


@pytest.fixture(scope="module")
def openapi(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def component_validator_schema(openapi, name):
    """A schema validating against OpenAPI component ``name`` (refs resolve in the document)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": f"#/components/schemas/{name}",
        "components": openapi["components"],
    }


def test_registered_from_the_app_config():
    """``ComenshaContentConfig.ready()`` calls ``comensha_content.api.v3.register()``."""
    assert v3._registered, "call comensha_content.api.v3.register() in the AppConfig's ready()"
    from wagtail.api.v3.registry import registry

    read = registry.get("comensha_content.LongreadPage").read_schema.model_json_schema()
    assert read["properties"]["body"]["items"]["oneOf"]


def test_openapi_has_the_body_as_a_tagged_union_with_the_block_enums(openapi):
    page = openapi["components"]["schemas"]["LongreadPageSchema"]
    body = page["properties"]["body"]
    assert body["type"] == "array"
    variants = {
        variant["properties"]["type"]["const"]: variant for variant in body["items"]["oneOf"]
    }
    assert list(variants) == list(StoryBodyBlock.base_blocks)
    image = variants["image"]["properties"]["value"]
    assert image["properties"]["layout"]["enum"] == [
        code for code, _label in ImageBlock().child_blocks["layout"].field.choices
    ]
    chapter = variants["chapter"]["properties"]["value"]
    assert chapter["title"] == "Chapter"
    assert "table of contents" in chapter["description"]
    # properties Wagtail types as Any are typed too
    assert page["properties"]["api_role"]["anyOf"][0]["properties"]["code"]["type"] == "string"
    assert page["properties"]["table_of_contents"]["items"]["required"] == ["anchor", "title"]


#: Wagtail 8.0's own defect: its AllowAnonymous security scheme is {"type": "http"} without
#: the "scheme" OpenAPI requires. Not this package's output; every other error fails the test.
WAGTAIL_KNOWN_DEFECTS = (("components", "securitySchemes", "AllowAnonymous"),)


def test_openapi_document_is_valid_openapi_3(openapi):
    pytest.importorskip("openapi_spec_validator")
    from openapi_spec_validator import OpenAPIV31SpecValidator

    assert openapi["openapi"].startswith("3.1")
    errors = [
        error
        for error in OpenAPIV31SpecValidator(openapi).iter_errors()
        if not any(tuple(error.path)[: len(known)] == known for known in WAGTAIL_KNOWN_DEFECTS)
    ]
    assert not errors, "\n".join(f"{list(error.path)}: {error.message}" for error in errors[:5])


def test_every_demo_page_validates_in_v3_and_matches_v2(client, demo, openapi):
    pages = live_package_pages()
    assert {page.locale.language_code for page in pages} == {
        locale.language_code for locale in Locale.objects.all()
    }
    for page in pages:
        response = client.get(f"/api/v3/pages/{page.pk}/")  # anonymous: no Authorization header
        assert response.status_code == 200, response.content
        data = response.json()
        label = page._meta.label
        assert data["meta"]["type"] == label
        name = f"{page._meta.object_name}Schema"
        try:
            validate(data, component_validator_schema(openapi, name))
        except AssertionError as error:
            raise AssertionError(f"{page.title} ({page.locale}): {error}") from None

        # The package's own fields are exactly the v2 values, in the page's language, and
        # pass the strict schema.
        v2 = client.get(f"/api/v2/pages/{page.pk}/").json()
        strict = page_schema(type(page), strict=True)
        for name in strict["properties"]:
            if name in ("id", "meta", "title"):
                continue
            assert data[name] == v2[name], f"{label}.{name} differs between v2 and v3"
        validate(
            {key: v2[key] for key in strict["required"]},
            strict,
        )


def test_v3_resolves_choosers_in_the_page_language_not_the_request_language(client, demo):
    page = LongreadPage.objects.live().filter(locale__language_code="en").exclude(role=None).first()
    assert page is not None
    data = client.get(f"/api/v3/pages/{page.pk}/", HTTP_ACCEPT_LANGUAGE="nl").json()
    assert data["api_role"]["locale"] == "en"
    assert data["api_role"]["is_fallback"] is False
    linked = [story["locale"] for story in data["api_related_stories"]]
    assert linked and set(linked) == {"en"}


def test_schema_endpoint_publishes_the_typed_read_schema(client, demo, django_user_model):
    from wagtail.models import APIToken

    user = django_user_model.objects.create_superuser("schema-reader", "s@example.com", "x")
    _token, plaintext = APIToken.create_token(user=user, name="schema discovery")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
    listing = client.get("/api/v3/schema/", **headers).json()
    assert "comensha_content.LongreadPage" in {entry["name"] for entry in listing["types"]}
    detail = client.get("/api/v3/schema/comensha_content.LongreadPage/", **headers).json()
    body = detail["read"]["properties"]["body"]
    assert [v["properties"]["type"]["const"] for v in body["items"]["oneOf"]] == list(
        StoryBodyBlock.base_blocks
    )
    # and it is the same shape as the exported JSON Schema of the block
    with translation.override(None):
        exported = SchemaSet().builder.inline({"$ref": "#/$defs/StoryBodyBlock"})
    assert body["items"] == exported["items"]


def test_a_stale_stored_value_is_served_without_422_or_500(client, demo):
    index = LongreadPage.objects.live().filter(locale__language_code="nl").first().get_parent()
    story = LongreadPage(
        title="Verouderde inhoud",
        slug="verouderde-inhoud",
        lede="Een verhaal met opgeslagen blokken van een oudere versie.",
        shown_name="Sam",
        narrator_kind="professional",  # no testimony either: needs no consent record
        body=[],
    )
    publish_child(index.specific, story)
    stale_body = [
        {
            "type": "retired_block",
            "value": {"anything": 1},
            "id": "00000000-0000-0000-0000-000000000001",
        },
        {
            "type": "chapter",
            "value": {"intro": "No heading stored"},
            "id": "00000000-0000-0000-0000-000000000002",
        },
        {
            "type": "image",
            "value": {"image": 999999, "layout": "inline"},
            "id": "00000000-0000-0000-0000-000000000003",
        },
        {
            "type": "call_to_action",
            "value": {"link_label": "Lees", "page": 999999},
            "id": "00000000-0000-0000-0000-000000000004",
        },
        {
            "type": "testimony",
            "value": {"name": "Sam", "unknown_child": True},
            "id": "00000000-0000-0000-0000-000000000005",
        },
    ]
    # What an older version stored, written straight to the database (no block validation).
    LongreadPage.objects.filter(pk=story.pk).update(body=stale_body)

    response = client.get(f"/api/v3/pages/{story.pk}/")
    assert response.status_code == 200, response.content
    body = response.json()["body"]
    assert [child["type"] for child in body] == ["chapter", "image", "call_to_action", "testimony"]
    assert body[0]["value"]["anchor"]  # made up even without a heading
    assert body[1]["value"]["image"] is None
    assert body[2]["value"]["page"] is None
    assert client.get(f"/api/v2/pages/{story.pk}/").status_code == 200


@pytest.mark.parametrize("rich_text_format", ["markdown", "html"])
def test_v3_follows_the_rich_text_format_parameter(client, demo, rich_text_format):
    page = LongreadPage.objects.live().filter(locale__language_code="en").first()
    response = client.get(f"/api/v3/pages/{page.pk}/", {"rich_text_format": rich_text_format})
    assert response.status_code == 200
    paragraphs = [c["value"] for c in response.json()["body"] if c["type"] == "paragraph"]
    assert paragraphs
    assert all(("<p>" in text) == (rich_text_format == "html") for text in paragraphs)


def test_v3_rejects_an_unknown_rich_text_format_with_a_message(client, demo):
    page = LongreadPage.objects.live().first()
    response = client.get(f"/api/v3/pages/{page.pk}/", {"rich_text_format": "rtf"})
    assert response.status_code == 422
    assert "rich_text_format" in response.content.decode()


def test_drafts_are_not_served_to_an_anonymous_client(client, demo):
    page = LongreadPage.objects.live().first()
    page.title = "DRAFT-SENTINEL"
    page.save_revision()
    response = client.get(f"/api/v3/pages/{page.pk}/", {"version": "draft"})
    assert response.status_code == 200
    assert "DRAFT-SENTINEL" not in response.content.decode()


def test_a_filter_of_api_v2_only_is_a_422_naming_the_v2_url(client, demo):
    response = client.get(
        "/api/v3/pages/", {"type": "comensha_content.LongreadPage", "narrator": "victim"}
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    (error,) = problem["errors"]
    assert error["loc"] == ["query", "narrator"]
    assert "/api/v2/pages/?type=comensha_content.LongreadPage&narrator=" in error["msg"]
    # without ?type= too: the parameter would otherwise be ignored silently
    assert client.get("/api/v3/pages/", {"exploitation": "labour"}).status_code == 422


def test_v3_field_filters_and_other_parameters_stay_wagtails(client, demo):
    victims = client.get(
        "/api/v3/pages/",
        {"type": "comensha_content.LongreadPage", "narrator_kind": "victim", "limit": 20},
    )
    assert victims.status_code == 200
    ids = {item["id"] for item in victims.json()["items"]}
    assert ids == set(
        LongreadPage.objects.live().filter(narrator_kind="victim").values_list("pk", flat=True)
    )
    # Wagtail 8.0's v3 ignores a parameter it does not know (documented in docs/api.md)
    assert client.get("/api/v3/pages/", {"colour": "red"}).status_code == 200
