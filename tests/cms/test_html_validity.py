"""Every kind of public page is valid HTML: the Nu HTML Checker (vnu.jar, the npm
package ``vnu-jar`` pinned in package.json, run with Java) finds no error.

The pages are built from the models and the URL inventory, so a new page type or view
is checked without editing this file: one live page of every page class in each
language, each routable sub-page of those pages that answers HTML, every public view
of ``tests/fuzz_samples.py`` (search results, PQRSD form and tracking, sign-in,
sign-up...) in Spanish and English, signed out and, for the views that need an
account, signed in, and the 404 page. vnu starts once for all of them."""

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from django.test import Client, override_settings

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

import pytest

from tests.fuzz_samples import SAMPLES, load_demo

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: the page-serving route: pages are walked per type and language instead
PAGE_ROUTE = "<lang>/^((?:[\\w\\-]+/)*)$"

pytestmark = pytest.mark.vnu


@pytest.fixture
def vnu_command():
    """``java -jar vnu.jar``; skipped when Java or the jar is missing, failed then
    when REQUIRE_VNU=1 or REQUIRE_BROWSER=1 (CI)."""
    java = shutil.which("java")
    missing = []
    if java is None:
        missing.append("Java (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        missing.append(f"{VNU_JAR.relative_to(ROOT)} (npm ci)")
    if missing:
        reason = "the Nu HTML Checker needs " + " and ".join(missing)
        if "1" in (os.environ.get("REQUIRE_VNU"), os.environ.get("REQUIRE_BROWSER")):
            pytest.fail(reason)
        pytest.skip(reason)
    return [java, "-Xss4m", "-jar", str(VNU_JAR)]


def one_page_per_type():
    """The first live page of every page class in every language."""
    seen, pages = set(), []
    for page in (
        Page.objects.live().filter(depth__gt=1).select_related("locale").order_by("path").specific()
    ):
        key = (type(page), page.locale.language_code)
        if key not in seen:
            seen.add(key)
            pages.append(page)
    return pages


def subpage_urls(page):
    """The page's routable sub-routes that take no argument."""
    if not isinstance(page, RoutablePageMixin):
        return []
    routes = (str(pattern.pattern) for pattern in page.get_subpage_urls())
    return [page.url + route for route in routes if route and not re.search(r"[<(^$]", route)]


def view_urls(demo):
    """The sample URLs of every public non-page view, in Spanish and English."""
    urls = []
    for route, make in SAMPLES.items():
        if route == PAGE_ROUTE or not route.startswith("<lang>/"):
            continue
        for url in make(demo):
            urls += [url, re.sub(r"^/es/", "/en/", url)]
    return urls


def is_html(response):
    return response["Content-Type"].startswith("text/html")


def render_all(demo, citizen):
    """(label, html) for every page to check."""
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(citizen)
    documents, needs_account = {}, []
    pages = one_page_per_type()
    urls = [page.url for page in pages]
    urls += [url for page in pages for url in subpage_urls(page)]
    urls += view_urls(demo)
    for url in dict.fromkeys(urls):
        response = anonymous.get(url)
        if response.status_code == 200 and is_html(response):
            documents[url] = response.content
        elif response.status_code == 302:
            needs_account.append(url)
    for url in needs_account:
        response = signed_in.get(url)
        if response.status_code == 200 and is_html(response):
            documents[f"{url} (signed in)"] = response.content
    for language in ("es", "en"):
        response = anonymous.get(f"/{language}/no-existe-esta-pagina/")
        assert response.status_code == 404
        documents[f"404 ({language})"] = response.content
    return documents


def run_vnu(command, documents):
    """vnu's errors, as ``label: line N: message`` lines."""
    with tempfile.TemporaryDirectory() as folder:
        labels = {}
        for number, (label, html) in enumerate(documents.items()):
            path = Path(folder) / f"{number:03}.html"
            path.write_bytes(html)
            labels[path.name] = label
        result = subprocess.run(
            [*command, "--errors-only", "--format", "json", *sorted(labels)],
            cwd=folder,
            capture_output=True,
            timeout=300,
            check=False,
        )
    try:
        report = json.loads(result.stderr or result.stdout)  # the JSON report is on stderr
    except ValueError:
        return [f"vnu exited with {result.returncode}: {result.stdout + result.stderr!r:.2000}"]
    errors = []
    for message in report.get("messages", []):
        name = message.get("url", "").rsplit("/", 1)[-1]
        line = message.get("lastLine", "?")
        errors.append(f"{labels.get(name, name)}: line {line}: {message['message']}")
    return errors


@override_settings(RATELIMIT_ENABLE=False, ACCOUNT_RATE_LIMITS=False)
def test_every_page_type_and_view_is_valid_html_in_both_languages(
    vnu_command, demo_site, citizen, capsys
):
    started = time.monotonic()
    documents = render_all(load_demo(demo_site, citizen), citizen)
    rendered = time.monotonic()
    labels = " ".join(documents)
    for expected in ("/es/", "/en/", "/es/buscar/", "/es/pqrsd/", "/en/cuentas/login/"):
        assert expected in labels  # the walk found the home pages and the views
    errors = run_vnu(vnu_command, documents)
    with capsys.disabled():
        print(  # noqa: T201
            f"\nvnu: {len(documents)} pages rendered in {rendered - started:.1f}s, "
            f"checked in {time.monotonic() - rendered:.1f}s"
        )
    assert not errors, f"{len(errors)} HTML errors in {len(documents)} pages:\n" + "\n".join(errors)
