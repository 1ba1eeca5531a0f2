"""Fixtures for the real-Chromium tests: one Playwright browser for the session, a fresh
context per test, the demo site served by pytest-django's live server, screenshots in
``test-artifacts/`` and an axe-core check that fails with a readable list of violations."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio event loop in the test thread, so Django's
# async-safety guard would refuse the synchronous database access that fixtures and
# the transactional flush do from that thread. The tests never share a connection
# between coroutines, so the guard protects nothing here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "test-artifacts"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DEFAULT_TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def playwright_driver(django_db_setup):
    """The Playwright driver process, started once per session (after the database)."""
    from django.db import connections

    from playwright.sync_api import sync_playwright

    # While Playwright's event loop runs in this thread, asgiref's thread-critical
    # storage gives Django a second set of connection objects (to the same shared
    # in-memory database). Hand them the snapshot that serialized_rollback restores.
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as driver:
        for alias, contents in snapshots.items():
            connections[alias]._test_serialized_contents = contents
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """Debian's headless Chromium (never a downloaded browser)."""
    browser = playwright_driver.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    """A page in a fresh browser context (no shared cookies) with a Colombian locale."""
    context = browser.new_context(locale="es-CO", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def portal_url(live_server, demo_site):
    """Base URL of the live server, with the demo site loaded in the database it reads.

    ``live_server`` makes the test transactional, so the demo content is committed and
    visible to the server thread. The demo Site is the default site, so the live
    server's ``localhost:<port>`` host resolves to it."""
    return live_server.url


@pytest.fixture
def screenshot():
    """Save a full-page screenshot as ``test-artifacts/<name>.png`` and return its path."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)

    def save(page, name):
        path = ARTIFACTS_DIR / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


def format_violations(violations):
    """One block per axe violation: rule id, impact, help text and the failing nodes."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}"
            f" <{violation.get('helpUrl', '')}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node.get("target", []))
            lines.append(f"    at {target}")
            for line in (node.get("failureSummary") or "").splitlines():
                if line.strip():
                    lines.append(f"      {line.strip()}")
    return "\n".join(lines)


def run_axe(page):
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page; fail on any violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "resultTypes": ["violations"],
        },
    )
    violations = results.response["violations"]
    if violations:
        pytest.fail(
            f"axe found {len(violations)} accessibility violation(s) on {page.url}:\n"
            + format_violations(violations),
            pytrace=False,
        )
    return results


@pytest.fixture
def axe_check():
    """The ``axe_check(page)`` helper: fails the test when axe reports any violation."""
    return run_axe
