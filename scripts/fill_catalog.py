"""Fill untranslated Dutch catalog entries from JSON files of {msgid: Dutch text}.

A plural entry takes a list with one text per Dutch plural form.

Contributors who add interface strings put their Dutch translations in
``locale-pending/<topic>.json``; ``make messages`` runs makemessages, then this script, then
compilemessages. Entries that are already translated are left alone; a msgid that is not in the
catalog is reported (it was probably renamed in the code).
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "comensha_content" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
PENDING = ROOT / "locale-pending"


def is_translated(entry):
    if "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def main(paths):
    translations = {}
    for path in paths or sorted(PENDING.glob("*.json")):
        translations.update(json.loads(Path(path).read_text(encoding="utf-8")))
    po = polib.pofile(str(CATALOG))
    by_msgid = {entry.msgid: entry for entry in po if not entry.obsolete}
    filled = 0
    for msgid, text in translations.items():
        entry = by_msgid.get(msgid)
        if entry is None:
            print(f"not in the catalog: {msgid!r}", file=sys.stderr)
            continue
        if is_translated(entry):
            continue
        if entry.msgid_plural:  # a list: one text per plural form
            entry.msgstr_plural = dict(enumerate(text))
        else:
            entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
        filled += 1
    po.save()
    missing = [e.msgid for e in po if not e.obsolete and not is_translated(e)]
    print(f"filled {filled} Dutch entries; {len(missing)} still untranslated or fuzzy")
    for msgid in missing:
        print(f"  untranslated: {msgid!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
