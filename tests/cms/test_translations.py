"""Every user-facing string is in gettext, with complete Spanish and English catalogues
(the project's and each app's own)."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import messages  # noqa: E402


@pytest.mark.parametrize("po_path", messages.catalogues(), ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete(po_path):
    """No untranslated or fuzzy entry in the catalogue."""
    catalogue = polib.pofile(str(po_path))
    assert len(catalogue) > 0
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_both_languages_have_the_same_catalogues():
    """Each catalogue folder has a Spanish and an English file."""
    folders = {p.parents[2] for p in messages.catalogues()}
    for folder in folders:
        for code in messages.LANGUAGES:
            assert (folder / code / "LC_MESSAGES" / "django.po").exists(), folder


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
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    sys_path = str(ROOT / ".venv" / "bin")
    env["PATH"] = f"{sys_path}:{env['PATH']}"
    subprocess.run(  # noqa: S603
        [sys.executable, "scripts/messages.py"], cwd=work, check=True, capture_output=True, env=env
    )
    missing = {}
    for committed_path in messages.catalogues():
        relative = committed_path.relative_to(ROOT)
        extracted = {e.msgid for e in polib.pofile(str(work / relative))}
        committed = {e.msgid for e in polib.pofile(str(committed_path))}
        if extracted - committed:
            missing[str(relative)] = sorted(extracted - committed)
    assert missing == {}, "run `make messages` and translate the new strings"
