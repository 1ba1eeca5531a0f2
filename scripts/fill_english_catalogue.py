"""Source strings are English, so each English catalogue maps every msgid to itself.
Filling them keeps the catalogues complete (the translation test checks both)."""

import polib
from compile_messages import po_files


def fill(path):
    catalogue = polib.pofile(str(path))
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
    print(f"filled {len(catalogue)} entries in {path}")


def main():
    for path in po_files():
        if path.parts[-3] == "en":
            fill(path)


if __name__ == "__main__":
    main()
