"""cms is the base layer: it names no portal app, and apps plug into it (the quick
poll block's template, the page assets of the base template) through registries."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings

import pytest

from cms import page_assets
from cms.blocks import BLOCK_TEMPLATES, BaseStreamBlock

ROOT = Path(settings.BASE_DIR)
PORTAL_APPS = [
    "transparency",
    "subscriptions",
    "home",
    "pqr",
    "surveys",
    "search",
    "participation",
    "gel",
]


def test_the_import_contract_is_kept():
    """The layers declared in pyproject.toml ([tool.importlinter]) hold."""
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(  # noqa: S603
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_base_template_names_no_app():
    source = (ROOT / "templates" / "base.html").read_text(encoding="utf-8")
    for app in PORTAL_APPS:
        assert f"{app}_tags" not in source
        assert f"'{app}/" not in source


def test_apps_plug_their_poll_template_and_page_assets_into_cms():
    assert BLOCK_TEMPLATES["quick_poll"] == "surveys/blocks/quick_poll_block.html"
    assert "quick_poll" in BaseStreamBlock.base_blocks
    assert "surveys/css/surveys.css" in page_assets.STYLESHEETS
    assert "surveys/includes/page_feedback.html" in page_assets.AFTER_CONTENT
    assert "search/js/suggest.js" in page_assets.SCRIPTS


@pytest.mark.django_db
def test_every_page_still_gets_the_apps_assets_and_feedback_widget(client, demo_site):
    html = client.get(demo_site.root_page.url).content.decode()
    assert "/static/surveys/css/surveys.css" in html
    assert 'class="page-feedback"' in html
    assert "/static/search/js/suggest.js" in html
