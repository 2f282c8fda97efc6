"""Every committed schema document is valid: metaschema, declared x- keywords, ajv strict, OpenAPI.

The checks are scripts/check_schema.py's own (run by `make check-schema` in CI); here they run on
the committed schema/ and on broken copies, so a check that cannot fail would show.
"""

import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest

from comensha_content.schema.primitives import CUSTOM_KEYWORDS, RICH_TEXT_FEATURES_KEY

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "schema"


@pytest.fixture(scope="module")
def check():
    spec = importlib.util.spec_from_file_location("check_schema", ROOT / "scripts/check_schema.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def needs_npm():
    if shutil.which("npm") is None and os.environ.get("CI") != "true":
        pytest.skip("npm is not installed (CI requires it)")


def write(directory, name, document):
    path = directory / name
    path.write_text(json.dumps(document))
    return path


BROKEN = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {"locale": {"type": "string"}},
    "required": ["locale", "locale"],
}
UNDECLARED = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "string",
    "x-made-up": True,
}


def test_the_committed_schemas_are_there(check):
    names = {path.name for path in check.json_schema_files(COMMITTED)}
    assert "recommendations.detail.json" in names
    assert "recommendations.listing.json" in names
    assert "LongreadPage.json" not in names  # pages are named by label
    assert "comensha_content.LongreadPage.json" in names
    assert "openapi.json" not in names


def test_every_committed_schema_is_valid_against_its_metaschema(check):
    assert check.metaschema_problems(check.json_schema_files(COMMITTED), CUSTOM_KEYWORDS) == []


def test_the_metaschema_check_finds_repeated_required_names_and_undeclared_keywords(
    check, tmp_path
):
    files = [write(tmp_path, "broken.json", BROKEN), write(tmp_path, "x.json", UNDECLARED)]
    problems = check.metaschema_problems(files, CUSTOM_KEYWORDS)
    assert any(
        "broken.json: /required" in problem and "non-unique" in problem for problem in problems
    )
    assert "x.json: /: undeclared keyword 'x-made-up'" in problems
    wrong_value = {**UNDECLARED, RICH_TEXT_FEATURES_KEY: "bold"}
    wrong_value.pop("x-made-up")
    problems = check.metaschema_problems(
        [write(tmp_path, "value.json", wrong_value)], CUSTOM_KEYWORDS
    )
    assert problems == [f"value.json: //{RICH_TEXT_FEATURES_KEY}: 'bold' is not of type 'array'"]


def test_ajv_strict_accepts_every_committed_schema(check):
    needs_npm()
    assert check.ajv_problems(check.json_schema_files(COMMITTED), CUSTOM_KEYWORDS) == []


def test_ajv_strict_refuses_undeclared_keywords_and_repeated_required_names(check, tmp_path):
    needs_npm()
    rich_text = COMMITTED / "blocks" / "ParagraphBlock.json"
    assert RICH_TEXT_FEATURES_KEY in rich_text.read_text()
    problems = check.ajv_problems([rich_text], {})  # the keyword not declared
    assert problems and f'unknown keyword: "{RICH_TEXT_FEATURES_KEY}"' in problems[0]
    broken = write(tmp_path, "broken.json", BROKEN)
    problems = check.ajv_problems([broken], CUSTOM_KEYWORDS)
    assert problems and "must NOT have duplicate items" in problems[0]


def test_the_openapi_document_is_valid_apart_from_wagtails_allow_anonymous(check, tmp_path):
    pytest.importorskip("openapi_spec_validator")
    committed = COMMITTED / "openapi.json"
    if not committed.exists():
        pytest.skip("no committed OpenAPI document")
    assert check.openapi_problems(committed) == []
    document = json.loads(committed.read_text())
    document["info"] = "comensha"
    document["components"]["securitySchemes"]["BearerTokenAuth"] = {"type": "http"}
    problems = check.openapi_problems(write(tmp_path, "openapi.json", document))
    assert any(problem.startswith("openapi.json: /info:") for problem in problems), problems
    assert any("BearerTokenAuth" in problem for problem in problems), problems
    assert not any("AllowAnonymous" in problem for problem in problems)
