"""CI check: the committed schema/ equals a fresh `comensha_export_schema` export.

Regenerates the JSON Schemas, the OpenAPI document and the TypeScript declarations into a
temporary directory with the example project's settings and compares them with schema/ file by
file. Exits 1 with the differing files (and the start of each diff) when they drift, so a block,
page type or API change cannot land without its published contract.

Usage: python scripts/check_schema.py [--schema-dir schema] [--settings module]

On Wagtail 7.4 (no API v3) the export has no openapi.json; that file is then not compared.
"""

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANAGE = ROOT / "example_project" / "manage.py"
OPENAPI_FILE = "openapi.json"
DIFF_LINES = 30


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
    return 0


if __name__ == "__main__":
    sys.exit(main())
