"""No module of the package over 500 lines (docs/development.md): split it by what it does."""

import sys
from pathlib import Path

LIMIT = 500
ROOT = Path(__file__).resolve().parent.parent / "comensha_content"

too_long = []
for path in sorted(ROOT.rglob("*.py")):
    if "migrations" in path.parts:
        continue  # generated, never edited by hand
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if lines > LIMIT:
        too_long.append(f"{path.relative_to(ROOT.parent)}: {lines} lines")
if too_long:
    print(f"Modules over {LIMIT} lines:", *too_long, sep="\n  ")
    sys.exit(1)
print(f"Every module of comensha_content has at most {LIMIT} lines.")
