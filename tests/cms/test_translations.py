"""Every user-facing string is in gettext, with complete Spanish and English catalogues."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["es", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    """No untranslated or fuzzy entry in the catalogue."""
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 50
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_catalogues_match_the_source(tmp_path):
    """`makemessages` on the current code finds no string missing from the catalogues."""
    if shutil.which("xgettext") is None:
        pytest.skip("needs GNU gettext (xgettext) to extract strings; .ci/run installs it")
    work = tmp_path / "project"
    shutil.copytree(
        ROOT,
        work,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".tools",
            ".git",
            "staticfiles",
            "media",
            "*.sqlite3*",
            "test-artifacts",
            "__pycache__",
        ),
    )
    subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "es",
            "--no-obsolete",
            "--ignore=tests",
            "--ignore=scripts",
            "--ignore=staticfiles",
        ],
        cwd=work,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
    )
    extracted = {e.msgid for e in polib.pofile(str(work / "locale/es/LC_MESSAGES/django.po"))}
    committed = {e.msgid for e in polib.pofile(str(ROOT / "locale/es/LC_MESSAGES/django.po"))}
    assert extracted - committed == set(), "run `make messages` and translate the new strings"
