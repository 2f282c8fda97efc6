"""Fail when the translation catalogs are incomplete or stale.

- every string marked for translation in the package is in locale/nl and locale/en
  (makemessages is re-run into a scratch copy and compared);
- no Dutch entry is untranslated or fuzzy;
- the compiled .mo files match their .po files.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "comensha_content"
LANGUAGES = ("nl", "en")


def msgids(po):
    return {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}


def main():
    problems = []
    scratch = Path(tempfile.mkdtemp(prefix="comensha-messages-"))
    try:
        copy = scratch / "comensha_content"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
        django_admin = Path(sys.executable).with_name("django-admin")
        subprocess.run(
            [django_admin, "makemessages", "-l", "nl", "-l", "en", "--no-obsolete", "-v0"],
            cwd=copy,
            check=True,
        )
        for language in LANGUAGES:
            shipped_path = PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"
            shipped = polib.pofile(str(shipped_path))
            fresh = polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / "django.po"))
            for _ctxt, msgid in sorted(msgids(fresh) - msgids(shipped), key=str):
                problems.append(f"{language}: missing from the catalog: {msgid!r}")
            for entry in shipped:
                if entry.obsolete:
                    continue
                if language == "nl" and not entry.translated():
                    problems.append(f"nl: untranslated: {entry.msgid!r}")
                if "fuzzy" in entry.flags:
                    problems.append(f"{language}: fuzzy: {entry.msgid!r}")
            mo_path = shipped_path.with_suffix(".mo")
            if not mo_path.exists():
                problems.append(f"{language}: no compiled catalog {mo_path.relative_to(ROOT)}")
            else:
                compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path))}
                for entry in shipped.translated_entries():
                    if compiled.get((entry.msgctxt, entry.msgid)) != entry.msgstr:
                        problems.append(
                            f"{language}: .mo is stale (run `make compilemessages`): {entry.msgid!r}"
                        )
                        break
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} catalog problem(s); run `make messages` and translate.")
        return 1
    print("catalogs complete: every string is in nl and en, nl fully translated, .mo up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
