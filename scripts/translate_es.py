"""Apply a dict of Spanish translations (a Python file defining ES and PLURALS) to a
Spanish catalogue (default: locale/es/LC_MESSAGES/django.po; pass another .po path as
the second argument for an app's own catalogue). A helper for maintainers after
`make messages`; the .po file stays the source of truth.

Usage: python scripts/translate_es.py TRANSLATIONS.py [path/to/es/django.po]"""

import runpy
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "es" / "LC_MESSAGES" / "django.po"


def main(path, po=PO):
    data = runpy.run_path(path)
    singular, plurals = data.get("ES", {}), data.get("PLURALS", {})
    catalogue = polib.pofile(str(po))
    catalogue.metadata["Language"] = "es"
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    for entry in catalogue:
        if entry.msgid_plural and entry.msgid in plurals:
            one, many = plurals[entry.msgid]
            entry.msgstr_plural = {0: one, 1: many}
        elif entry.msgid in singular:
            entry.msgstr = singular[entry.msgid]
        else:
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save()
    missing = [e.msgid for e in catalogue if not e.translated()]
    print(f"{len(catalogue)} entries, {len(missing)} untranslated")
    for msgid in missing:
        print("  missing:", msgid)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else PO)
