"""CI check: the committed schema/ equals a fresh export, and every document in it is valid.

1. Regenerates the JSON Schemas, the OpenAPI document and the TypeScript declarations into a
   temporary directory with the example project's settings and compares them with schema/ file
   by file, so a block, page type or API change cannot land without its published contract.
2. Checks every JSON Schema (schema/**.json but openapi.json) against its metaschema
   (``jsonschema``'s ``check_schema``, the dialect its ``$schema`` names) and every ``x-``
   keyword in it against its declaration (``comensha_content.schema.primitives.CUSTOM_KEYWORDS``;
   an undeclared one fails).
3. Compiles each of them with ajv in strict mode (``scripts/check_schema_ajv.mjs``), the
   x- keywords declared through ajv's ``keywords`` option. The pinned ajv is installed from the
   npm registry into ``.cache/ajv`` (git-ignored) on first use. Without npm the step is
   skipped with a warning, except under ``CI=true``, where that fails.
4. Validates openapi.json as OpenAPI 3.1 (openapi-spec-validator), apart from Wagtail's own
   ``AllowAnonymous`` security scheme (``{"type": "http"}`` without the required ``scheme``).

Exits 1 and lists every problem. On Wagtail 7.4 (no API v3) the export has no openapi.json;
that file is then neither compared nor validated.

Usage: python scripts/check_schema.py [--schema-dir schema] [--settings module]
"""

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script: scripts.npm_cache, as the tests import it

from scripts.npm_cache import ensure_npm_packages  # noqa: E402

MANAGE = ROOT / "example_project" / "manage.py"
OPENAPI_FILE = "openapi.json"
DIFF_LINES = 30
#: Pinned: a new ajv may be stricter; raise these on purpose.
AJV_PACKAGES = ("ajv@8.20.0", "ajv-formats@3.0.1")
AJV_SCRIPT = ROOT / "scripts" / "check_schema_ajv.mjs"
#: Wagtail 8.0's own defect in its OpenAPI document (not this package's output).
OPENAPI_KNOWN_DEFECTS = (("components", "securitySchemes", "AllowAnonymous"),)


def files_under(directory):
    return {
        path.relative_to(directory).as_posix(): path
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def export(out_dir, settings=None):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    command = [sys.executable, str(MANAGE), "comensha_export_schema", "--out", str(out_dir)]
    if settings:
        command.append(f"--settings={settings}")
    subprocess.run(
        command,
        check=True,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def compare(committed_dir, fresh_dir):
    """Lines describing every difference between the two directories (empty when equal)."""
    committed, fresh = files_under(committed_dir), files_under(fresh_dir)
    if OPENAPI_FILE not in fresh:
        committed.pop(OPENAPI_FILE, None)  # Wagtail 7.4: no API v3 to export
    problems = []
    for name in sorted(committed.keys() - fresh.keys()):
        problems.append(f"{name}: committed, but the export no longer writes it")
    for name in sorted(fresh.keys() - committed.keys()):
        problems.append(f"{name}: written by the export, but not committed")
    for name in sorted(committed.keys() & fresh.keys()):
        old = committed[name].read_text(encoding="utf-8").splitlines(keepends=True)
        new = fresh[name].read_text(encoding="utf-8").splitlines(keepends=True)
        if old != new:
            diff = list(difflib.unified_diff(old, new, f"committed/{name}", f"fresh/{name}", n=2))
            problems.append(f"{name}: differs\n" + "".join(diff[:DIFF_LINES]).rstrip())
    return problems


def json_schema_files(directory):
    return [
        path
        for name, path in files_under(directory).items()
        if name.endswith(".json") and name != OPENAPI_FILE
    ]


def custom_keywords(settings=None):
    """``comensha_content.schema.primitives.CUSTOM_KEYWORDS`` (read with the site's settings)."""
    sys.path[:0] = [str(ROOT), str(ROOT / "example_project")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings or "demo_site.settings")
    import django

    django.setup()
    from comensha_content.schema.primitives import CUSTOM_KEYWORDS

    return CUSTOM_KEYWORDS


def _x_keywords(node, path=()):
    """``(path, keyword, value)`` of every ``x-`` keyword in a schema document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("x-"):
                yield path, key, value
            yield from _x_keywords(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _x_keywords(value, (*path, index))


def metaschema_problems(files, keywords):
    """Each schema against its dialect's metaschema, and its x- keywords against theirs."""
    import jsonschema

    problems = []
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        validator = jsonschema.validators.validator_for(document, jsonschema.Draft202012Validator)
        for error in validator(validator.META_SCHEMA).iter_errors(document):
            location = "/".join(str(part) for part in error.absolute_path)
            problems.append(f"{path.name}: /{location}: {error.message}")
        for location, keyword, value in _x_keywords(document):
            where = "/".join(str(part) for part in location)
            if keyword not in keywords:
                problems.append(f"{path.name}: /{where}: undeclared keyword {keyword!r}")
                continue
            for error in jsonschema.Draft202012Validator(keywords[keyword]).iter_errors(value):
                problems.append(f"{path.name}: /{where}/{keyword}: {error.message}")
    return problems


def ensure_ajv():
    """The node_modules directory with the pinned ajv, or None when npm is not available."""
    return ensure_npm_packages("ajv", AJV_PACKAGES)


def ajv_problems(files, keywords):
    """ajv's (strict mode) refusals, or a problem when it cannot run under CI."""
    try:
        modules = ensure_ajv()
    except subprocess.CalledProcessError as error:
        return [f"ajv could not be installed from the npm registry: {error}"]
    if modules is None:
        if os.environ.get("CI") == "true":
            return ["ajv: npm and node are needed (apt-get install npm) and were not found"]
        print("warning: npm or node not found, the ajv strict-mode check was skipped")
        return []
    result = subprocess.run(
        ["node", str(AJV_SCRIPT), *map(str, files)],
        env={
            **os.environ,
            "AJV_NODE_MODULES": str(modules),
            "AJV_KEYWORDS": json.dumps(keywords),
        },
        capture_output=True,
        text=True,
    )
    lines = result.stdout.strip().splitlines()
    if result.returncode == 0 and lines:
        print(lines[-1])
        return []
    return lines[:-1] or [result.stderr.strip() or "ajv failed"]


def openapi_problems(path):
    """openapi.json as OpenAPI 3.1, apart from Wagtail's own AllowAnonymous scheme."""
    if not path.exists():
        return []
    from openapi_spec_validator import OpenAPIV31SpecValidator

    document = json.loads(path.read_text(encoding="utf-8"))
    return [
        f"{OPENAPI_FILE}: /{'/'.join(map(str, error.path))}: {error.message}"
        for error in OpenAPIV31SpecValidator(document).iter_errors()
        if not any(tuple(error.path)[: len(known)] == known for known in OPENAPI_KNOWN_DEFECTS)
    ]


def validity_problems(schema_dir, settings=None):
    files = json_schema_files(schema_dir)
    keywords = custom_keywords(settings)
    problems = metaschema_problems(files, keywords)
    problems += ajv_problems(files, keywords)
    problems += openapi_problems(schema_dir / OPENAPI_FILE)
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema-dir", type=Path, default=ROOT / "schema")
    parser.add_argument("--settings", help="Settings module (default: the example project's).")
    args = parser.parse_args(argv)
    if not args.schema_dir.is_dir():
        print(f"{args.schema_dir} does not exist. Run `make schema` and commit the result.")
        return 1
    with tempfile.TemporaryDirectory(prefix="comensha-schema-") as fresh:
        export(fresh, args.settings)
        problems = compare(args.schema_dir, Path(fresh))
    if problems:
        print(f"{args.schema_dir} is out of date with the code ({len(problems)} file(s)):")
        for problem in problems:
            print(f"- {problem}")
        print("Run `make schema` (manage.py comensha_export_schema --out schema) and commit it.")
        return 1
    print(f"{args.schema_dir} matches a fresh export.")
    invalid = validity_problems(args.schema_dir, args.settings)
    if invalid:
        print(f"{args.schema_dir} has invalid documents ({len(invalid)} problem(s)):")
        for problem in invalid:
            print(f"- {problem}")
        return 1
    print(f"{args.schema_dir}: every JSON Schema is valid (metaschema, ajv strict), and OpenAPI.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
