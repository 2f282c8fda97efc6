"""Schemathesis against the APIs, through the example's WSGI app with the demo content.

API v3 (Wagtail 8 only): every read operation of the served OpenAPI document, plus every
write operation as an anonymous client (which must be refused, never a 5xx); responses must
conform to the document. API v2 has no OpenAPI document of its own: V2_DOCUMENT below describes
its documented query parameters (Wagtail's v2 docs and ours in docs/api.md) and the answers a
client may get, and schemathesis fuzzes those. Examples per operation: COMENSHA_API_FUZZ_EXAMPLES
(default 8).
"""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

schemathesis = pytest.importorskip("schemathesis")

pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore")]

EXAMPLES = int(os.environ.get("COMENSHA_API_FUZZ_EXAMPLES", "8"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("COMENSHA_FUZZ_RANDOM") != "1",
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def keep_test_connection():
    """Requests must not close the database connection that holds the test's transaction.

    Django's WSGI handler closes old connections when a request starts and finishes; its test
    client switches that off, and so does this fixture for the raw WSGI app schemathesis calls
    (on PostgreSQL the next query would otherwise find the connection closed).
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def wsgi_app():
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


@pytest.fixture
def v3_schema(demo, settings, keep_test_connection):
    if not settings.WAGTAIL_8:
        pytest.skip("API v3 exists from Wagtail 8.0 on")
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", wsgi_app())
    # Wagtail 8's document gives reads only a 200; the 400, 401, 403, 404 and 422 it answers
    # with (limit above 20, revisions without login, unknown locale, child_of of no page) are
    # added, so every other status code and every body is still checked
    for methods in schema.raw_schema["paths"].values():
        for operation in methods.values():
            if isinstance(operation, dict) and "responses" in operation:
                for status in ("400", "401", "403", "404", "422"):
                    operation["responses"].setdefault(status, PROBLEM)
    return schema


PROBLEM = {
    "description": "validation failed",
    "content": {"application/problem+json": {"schema": {"type": "object", "required": ["status"]}}},
}


# --- API v2: its documented parameters as an OpenAPI document -----------------------------------

ANSWER = {"description": "JSON", "content": {"application/json": {"schema": {"type": "object"}}}}
LISTING = {
    "description": "a listing",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["meta", "items"],
                "properties": {
                    "meta": {
                        "type": "object",
                        "required": ["total_count"],
                        "properties": {"total_count": {"type": "integer", "minimum": 0}},
                    },
                    "items": {"type": "array", "items": {"type": "object"}},
                },
            }
        }
    },
}
CLIENT_ERRORS = {"400": ANSWER, "404": ANSWER}


def query(name, schema):
    return {"name": name, "in": "query", "required": False, "schema": schema}


TEXT = {"type": "string"}
NUMBER = {"type": "integer"}
LISTING_PARAMETERS = [
    query("limit", NUMBER),
    query("offset", NUMBER),
    query("order", TEXT),
    query("fields", TEXT),
    query("search", TEXT),
    query("search_operator", {"type": "string", "enum": ["and", "or"]}),
    query("rich_text_format", TEXT),
]
PAGE_PARAMETERS = [
    query(
        "type",
        {"type": "string", "enum": ["comensha_content.LongreadPage", "wagtailcore.Page", "x.Y"]},
    ),
    query("locale", TEXT),
    query("child_of", NUMBER),
    query("descendant_of", NUMBER),
    query("ancestor_of", NUMBER),
    query("translation_of", NUMBER),
    query("site", TEXT),
]


def listing(parameters):
    return {"get": {"parameters": parameters, "responses": {"200": LISTING, **CLIENT_ERRORS}}}


def detail(name):
    return {
        "get": {
            "parameters": [
                {"name": name, "in": "path", "required": True, "schema": NUMBER},
                query("fields", TEXT),
                query("rich_text_format", TEXT),
            ],
            "responses": {"200": ANSWER, **CLIENT_ERRORS},
        }
    }


V2_DOCUMENT = {
    "openapi": "3.0.3",
    "info": {"title": "Wagtail API v2 (documented parameters)", "version": "2"},
    "paths": {
        "/api/v2/pages/": listing(LISTING_PARAMETERS + PAGE_PARAMETERS),
        "/api/v2/pages/{id}/": detail("id"),
        "/api/v2/pages/find/": {
            "get": {
                "parameters": [query("html_path", TEXT)],
                "responses": {"302": {"description": "found"}, **CLIENT_ERRORS},
            }
        },
        "/api/v2/images/": listing(LISTING_PARAMETERS),
        "/api/v2/images/{id}/": detail("id"),
        "/api/v2/documents/": listing(LISTING_PARAMETERS),
        "/api/v2/documents/{id}/": detail("id"),
        "/api/v2/recommendations/": listing(LISTING_PARAMETERS + [query("locale", TEXT)]),
        "/api/v2/recommendations/{id}/": detail("id"),
    },
}


@pytest.fixture
def v2_schema(demo, keep_test_connection):
    schema = schemathesis.openapi.from_dict(V2_DOCUMENT)
    schema.app = wsgi_app()
    return schema


#: Operations no request can be generated for (reported in docs/security.md).
UNSATISFIABLE = set()


def fuzz_operations(schema, check, mode=None, examples=EXAMPLES):
    """Run ``check(case)`` on generated cases of every operation; the failures, by operation."""
    from schemathesis.generation import GenerationMode

    failures, operations = {}, 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @settings(FUZZ, max_examples=examples)
        @given(case=operation.as_strategy(mode or GenerationMode.POSITIVE))
        def run(case):
            check(case)

        try:
            run()
        except Unsatisfiable:
            # Wagtail's document gives some snippet operations parameters no value satisfies
            # (seen: snippet revisions and actions); nothing can be sent, nothing to check
            UNSATISFIABLE.add(operation.label)
        except Exception as error:  # collected, so one run reports every operation
            failures[operation.label] = f"{type(error).__name__}: {str(error)[:600]}"
    assert operations, "the document describes no operation"
    return failures


def report(failures):
    return "\n\n".join(f"{label}: {message}" for label, message in failures.items())


def not_a_server_error(case):
    response = case.call()
    assert response.status_code < 500, (response.status_code, case.path, case.query)


def conforms(case):
    """Schemathesis' checks, less two that do not apply: public reads need no credentials, and
    a schema-valid id of nothing (``child_of=999``) is rightly answered with a 4xx."""
    from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

    case.call_and_validate(excluded_checks=[ignored_auth, positive_data_acceptance])


def test_api_v3_reads_conform_to_the_openapi_document(v3_schema):
    failures = fuzz_operations(v3_schema.include(method="GET"), conforms)
    assert not failures, report(failures)


def test_api_v3_reads_with_invalid_parameters_are_client_errors(v3_schema):
    from schemathesis.generation import GenerationMode

    reads = v3_schema.include(method="GET")
    failures = fuzz_operations(
        reads, not_a_server_error, GenerationMode.NEGATIVE, max(2, EXAMPLES // 2)
    )
    assert not failures, report(failures)


def test_api_v3_writes_are_refused_to_anonymous_clients(v3_schema):
    def refused(case):
        response = case.call()
        assert response.status_code in (400, 401, 403, 404, 405, 422), response.status_code

    failures = fuzz_operations(v3_schema.exclude(method="GET"), refused, examples=2)
    assert not failures, report(failures)


def test_api_v2_documented_parameters(v2_schema):
    failures = fuzz_operations(v2_schema, conforms)
    assert not failures, report(failures)


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "recommendations"])
def test_api_v2_unknown_search_operator_is_a_client_error(client, demo, endpoint):
    """Wagtail hands the operator to the search backend, whose ValueError was a server error."""
    response = client.get(f"/api/v2/{endpoint}/?search=lisa&search_operator=xor")
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]
