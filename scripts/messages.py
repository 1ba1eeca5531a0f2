"""`make messages`: extract strings into every catalogue, refill English, compile.

The project catalogue (``locale/``) holds cms, home, search and the shared templates.
An app that has its own ``<app>/locale/`` folder (with its templates inside the app)
keeps its own catalogue, so work on different apps never edits the same .po file."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["es", "en"]
ALWAYS_IGNORED = [".venv", ".tools", "staticfiles", "media", "tests", "scripts", "test-artifacts"]


def app_catalogue_dirs():
    """Apps with their own locale folder."""
    return sorted(p.parent for p in ROOT.glob("*/locale") if p.parent != ROOT and p.is_dir())


def catalogues():
    """Every django.po of the project, project catalogue first."""
    found = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))
    for app_dir in app_catalogue_dirs():
        found += sorted((app_dir / "locale").glob("*/LC_MESSAGES/django.po"))
    return found


def makemessages_command(cwd):
    """The makemessages call for the project (cwd=ROOT) or one app folder."""
    ignores = list(ALWAYS_IGNORED)
    if cwd == ROOT:
        ignores += [d.name for d in app_catalogue_dirs()]
    args = [sys.executable, str(ROOT / "manage.py"), "makemessages", "--no-obsolete"]
    args += [f"-l{code}" for code in LANGUAGES]
    args += [f"--ignore={pattern}" for pattern in ignores]
    return args


def main():
    for cwd in [ROOT, *app_catalogue_dirs()]:
        print(f"makemessages in {cwd.relative_to(ROOT) if cwd != ROOT else '.'}")
        subprocess.run(makemessages_command(cwd), cwd=cwd, check=True)  # noqa: S603
    subprocess.run([sys.executable, str(ROOT / "scripts/fill_english_catalogue.py")], check=True)  # noqa: S603
    subprocess.run([sys.executable, str(ROOT / "scripts/compile_messages.py")], check=True)  # noqa: S603


if __name__ == "__main__":
    main()
