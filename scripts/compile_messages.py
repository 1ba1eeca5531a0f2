"""Compile every django.po into its .mo with polib, so a fresh machine needs no GNU
gettext to build the catalogues."""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
IGNORED = {".venv", ".tools", "staticfiles", "node_modules"}


def po_files():
    for path in sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po")):
        if not IGNORED & set(path.relative_to(ROOT).parts):
            yield path


def main():
    for po_path in po_files():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
