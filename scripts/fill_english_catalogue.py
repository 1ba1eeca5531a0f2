"""Source strings are English, so the English catalogue maps each msgid to itself.
Filling it keeps the catalogue complete (the translation test checks both languages)."""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main():
    catalogue = polib.pofile(str(PO))
    catalogue.metadata["Language"] = "en"
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    for entry in catalogue:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    catalogue.save()
    print(f"filled {len(catalogue)} entries in {PO.name} (en)")


if __name__ == "__main__":
    main()
