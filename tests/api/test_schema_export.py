"""The schema export: deterministic, equal to the committed schema/, TypeScript that narrows."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from comensha_content.api import v3
from comensha_content.management.commands.comensha_export_schema import (
    OPENAPI_FILE,
    TYPESCRIPT_FILE,
    dump,
    export_files,
)
from comensha_content.schema.typescript import generate, type_name

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "schema"


@pytest.fixture(scope="module")
def exported(django_db_blocker):
    with django_db_blocker.unblock():
        return export_files()


def test_export_is_deterministic_and_canonical(exported, django_db_blocker):
    with django_db_blocker.unblock():
        assert export_files() == exported
    for name, text in exported.items():
        assert text.endswith("\n"), name
        if name.endswith(".json"):
            assert dump(json.loads(text)) == text, f"{name} is not in canonical form"


def test_export_has_a_file_per_block_and_page_type_and_the_typescript(exported):
    assert "blocks/StoryBodyBlock.json" in exported
    assert "blocks/ChapterBlock.json" in exported
    assert "pages/comensha_content.LongreadPage.json" in exported
    assert (OPENAPI_FILE in exported) == v3.is_available()
    typescript = exported[TYPESCRIPT_FILE]
    assert "export type StoryBodyBlockChild =" in typescript
    assert '  | {\n    type: "chapter";\n    value: ChapterBlock;' in typescript
    assert "export interface LongreadPage {" in typescript
    assert 'type: "comensha_content.LongreadPage";' in typescript
    assert '"comensha_content.LongreadPage": LongreadPage;' in typescript


def test_export_equals_the_committed_schema_directory(exported):
    committed = {
        path.relative_to(COMMITTED).as_posix(): path.read_text(encoding="utf-8")
        for path in COMMITTED.rglob("*")
        if path.is_file()
    }
    if not v3.is_available():
        committed.pop(OPENAPI_FILE, None)  # exported on Wagtail 8 only
    stale = sorted(name for name in committed if committed[name] != exported.get(name))
    missing = sorted(set(exported) - set(committed))
    assert not stale and not missing, (
        f"schema/ is out of date (differs: {stale}, missing: {missing}). "
        "Run `make schema` and commit the result."
    )


def test_command_writes_the_files_and_removes_stale_ones(tmp_path, django_db_blocker):
    stale = tmp_path / "blocks" / "RetiredBlock.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}\n")
    unrelated = tmp_path / "README.md"
    unrelated.write_text("kept\n")
    with django_db_blocker.unblock():
        call_command("comensha_export_schema", "--out", str(tmp_path))
    assert not stale.exists()
    assert unrelated.exists()
    chapter = json.loads((tmp_path / "blocks" / "ChapterBlock.json").read_text())
    assert chapter["title"] == "Chapter"
    assert (tmp_path / TYPESCRIPT_FILE).read_text().startswith("// Types of the comensha-content")


def test_check_script_reports_drift_with_the_file_name(tmp_path):
    committed = tmp_path / "schema"
    for path in COMMITTED.rglob("*"):
        if path.is_file():
            target = committed / path.relative_to(COMMITTED)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    chapter = committed / "blocks" / "ChapterBlock.json"
    chapter.write_text(chapter.read_text().replace('"Chapter"', '"Hoofdstuk"'))
    (committed / "blocks" / "RetiredBlock.json").write_text("{}\n")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_schema.py"), "--schema-dir", str(committed)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "blocks/ChapterBlock.json: differs" in result.stdout
    assert '-  "title": "Hoofdstuk"' in result.stdout
    assert "blocks/RetiredBlock.json: committed, but the export no longer writes it" in (
        result.stdout
    )
    assert "make schema" in result.stdout


# -- the TypeScript generator on its own -------------------------------------------------------


def test_typescript_generator_covers_the_schema_shapes():
    definitions = {
        "Quote": {
            "title": "Quote",
            "description": "A quote.",
            "type": "object",
            "properties": {
                "text": {"type": "string"},
                "year": {"type": ["integer", "null"]},
                "kind": {"type": "string", "enum": ["a", "b"]},
                "data-key": {},
                "tags": {"type": "array", "items": {"type": "string"}},
                "extra": {"type": "object", "additionalProperties": {"type": "number"}},
            },
            "required": ["text", "year", "kind"],
        },
        "Body": {
            "type": "array",
            "items": {
                "oneOf": [
                    {
                        "type": "object",
                        "properties": {
                            "type": {"const": "quote"},
                            "value": {"$ref": "#/$defs/Quote"},
                        },
                        "required": ["type", "value"],
                    },
                    {
                        "type": "object",
                        "properties": {"type": {"const": "text"}, "value": {"type": "string"}},
                        "required": ["type", "value"],
                    },
                ]
            },
        },
        "MaybeQuote": {"anyOf": [{"$ref": "#/$defs/Quote"}, {"type": "null"}]},
        "NullableObject": {
            "type": ["object", "null"],
            "properties": {"id": {"type": "integer"}},
            "required": ["id"],
        },
    }
    text = generate(definitions)
    assert "/**\n * Quote\n * A quote.\n */\nexport interface Quote {" in text
    assert "  text: string;\n" in text
    assert "  year: number | null;\n" in text
    assert '  kind: "a" | "b";\n' in text
    assert '  "data-key"?: unknown;\n' in text
    assert "  tags?: string[];\n" in text
    assert "  extra?: Record<string, number>;\n" in text
    assert 'export type BodyChild =\n  | {\n    type: "quote";\n    value: Quote;\n  }' in text
    assert "export type Body = BodyChild[];" in text
    assert "export type MaybeQuote = Quote | null;" in text
    assert "export type NullableObject = {\n  id: number;\n} | null;" in text
    assert type_name("comensha_content.LongreadPage") == "LongreadPage"


def test_an_array_of_an_inline_union_is_parenthesised():
    """``{…} | {…}[]`` would type only the second member as an array."""
    option = {
        "type": "object",
        "properties": {"parameter": {"const": "form"}, "label": {"type": "string"}},
        "required": ["parameter"],
    }
    other = {"type": "object", "properties": {"parameter": {"const": "role"}}}
    definitions = {
        "Finder": {
            "type": "object",
            "properties": {
                "filters": {"type": "array", "items": {"oneOf": [option, other]}},
                "codes": {"type": "array", "items": {"type": ["string", "null"]}},
                "names": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}},
                "plain": {
                    "type": "array",
                    "items": {"type": "object", "properties": option["properties"]},
                },
                "nested": {
                    "type": "array",
                    "items": {"type": "array", "items": {"anyOf": [{"type": "string"}, {}]}},
                },
            },
            "required": ["filters"],
        }
    }
    text = generate(definitions)
    assert (
        '  filters: ({\n    parameter: "form";\n    label?: string;\n  } | {\n'
        '    parameter?: "role";\n  })[];\n'
    ) in text
    assert "  codes?: (string | null)[];\n" in text
    assert '  names?: ("a" | "b")[];\n' in text
    assert '  plain?: {\n    parameter?: "form";\n    label?: string;\n  }[];\n' in text
    assert "  nested?: unknown[][];\n" in text
    # a quote, a comment or a bar inside an object member does not count
    commented = generate(
        {
            "Quoted": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "a|b": {"description": "The page's x | y", "type": "string"},
                    },
                },
            }
        }
    )
    assert 'export type Quoted = {\n  /** The page\'s x | y */\n  "a|b"?: string;\n}[];' in (
        commented
    )
