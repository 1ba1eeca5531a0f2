"""A real ``varnishd`` with the shipped VCL (deploy/varnish/default.vcl) in front of the
portal (pytest-django's live server): anonymous pages are cached and purged on
publish, personal requests and POSTs always reach the application, and only the
application's own addresses may purge.

Skipped without Varnish (Debian's ``varnish``), failed then when REQUIRE_VARNISH=1 (CI)."""

import http.client
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from django.test import Client

from wagtail.models import Page

import pytest

ROOT = Path(__file__).resolve().parents[2]
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
#: the Host of the demo site's URLs: what Wagtail's purges name
HOST = "localhost"

pytestmark = [
    pytest.mark.varnish,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def varnishd_path():
    found = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/sbin")
    if found is None:
        reason = "needs varnishd (apt-get install varnish)"
        if os.environ.get("REQUIRE_VARNISH") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return found


@pytest.fixture
def varnish(live_server, settings, demo_site):
    """(port) of a varnishd started with the shipped VCL, its backend the live server."""
    binary = varnishd_path()
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";')
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="soacha-varnish-") as folder:
        vcl_path = Path(folder) / "default.vcl"
        vcl_path.write_text(vcl)
        process = subprocess.Popen(
            [
                binary,
                "-F",
                "-j",
                "none",
                "-n",
                str(Path(folder) / "work"),
                "-f",
                str(vcl_path),
                "-a",
                f"127.0.0.1:{port}",
                "-s",
                "malloc,32m",
                "-p",
                "ban_lurker_sleep=0.01",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    pytest.fail(f"varnishd exited: {process.stdout.read().decode()[-2000:]}")
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            settings.WAGTAILFRONTENDCACHE = {
                "varnish": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": f"http://127.0.0.1:{port}",
                }
            }
            yield port
        finally:
            process.terminate()
            process.wait(timeout=10)


def request(port, method, path, headers=None, body=None, source="127.0.0.1"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        conn.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
        response = conn.getresponse()
        return response, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def get(port, path, **kwargs):
    return request(port, "GET", path, **kwargs)


def news_page(language="es"):
    return (
        Page.objects.live()
        .filter(url_path__contains="/noticias/actualidad/", depth__gt=4)
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
        .specific
    )


def test_a_first_request_misses_and_the_second_hits(varnish):
    first, _ = get(varnish, "/es/noticias/actualidad/")
    second, body = get(varnish, "/es/noticias/actualidad/")
    assert first.status == second.status == 200
    assert first.getheader("X-Cache") == "MISS"
    assert second.getheader("X-Cache") == "HIT"
    assert len(second.getheader("X-Varnish").split()) == 2  # this request and the stored one
    assert second.getheader("Age") is not None
    assert "<h1" in body


def test_tracking_parameters_share_the_cached_object(varnish):
    get(varnish, "/es/noticias/actualidad/")
    response, _ = get(varnish, "/es/noticias/actualidad/?utm_source=boletin&fbclid=abc")
    assert response.getheader("X-Cache") == "HIT"


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_published_change_shows_through_varnish_within_a_second(varnish, language):
    page = news_page(language)
    path = page.url
    get(varnish, path)
    assert get(varnish, path)[0].getheader("X-Cache") == "HIT"
    listing_path = page.get_parent().url
    get(varnish, listing_path)
    page.title = f"{page.title} (actualizada)"
    page.save_revision().publish()
    published = time.monotonic()
    response, body = get(varnish, path)
    assert time.monotonic() - published < 1
    assert response.getheader("X-Cache") == "MISS"
    assert "(actualizada)" in body
    listing, listing_body = get(varnish, listing_path)
    assert listing.getheader("X-Cache") == "MISS" and "(actualizada)" in listing_body


def test_a_main_menu_change_shows_on_every_cached_page(varnish):
    path = news_page().url
    get(varnish, path)
    assert get(varnish, path)[0].getheader("X-Cache") == "HIT"
    section = (
        Page.objects.live()
        .filter(show_in_menus=True, locale__language_code="es", depth=3)
        .first()
        .specific
    )
    section.title = "Sección renombrada"
    section.save_revision().publish()
    deadline = time.monotonic() + 1
    while True:
        response, body = get(varnish, path)
        if "Sección renombrada" in body or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert "Sección renombrada" in body


def test_a_signed_in_visitor_always_reaches_the_application(varnish, citizen):
    get(varnish, "/es/noticias/actualidad/")  # an anonymous copy is cached
    client = Client()
    client.force_login(citizen)
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken=x"
    for _ in range(2):
        response, body = get(varnish, "/es/noticias/actualidad/", headers={"Cookie": cookie})
        assert response.getheader("X-Cache") == "MISS"
        assert "private" in (response.getheader("Cache-Control") or ""), (
            response.status,
            response.getheaders(),
        )
        assert "/es/mi-cuenta/" in body
    anonymous, anonymous_body = get(varnish, "/es/noticias/actualidad/")
    assert anonymous.getheader("X-Cache") == "HIT"
    assert "/es/mi-cuenta/" not in anonymous_body


def test_a_post_is_never_cached(varnish):
    body = "page=1&feedback-useful=1"
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": "http://localhost"}
    for _ in range(2):
        response, _ = request(varnish, "POST", "/es/encuestas/valoracion/", headers, body)
        assert response.getheader("X-Cache") == "MISS"


def test_only_the_application_servers_may_purge(varnish):
    get(varnish, "/es/noticias/actualidad/")
    foreign, _ = request(varnish, "PURGE", "/es/noticias/actualidad/", source="127.0.0.2")
    assert foreign.status == 403
    assert get(varnish, "/es/noticias/actualidad/")[0].getheader("X-Cache") == "HIT"
    banned, _ = request(varnish, "BAN", "/", headers={"X-Ban-Url": "."}, source="127.0.0.2")
    assert banned.status == 403
    own, _ = request(varnish, "PURGE", "/es/noticias/actualidad/")
    assert own.status == 200
    assert get(varnish, "/es/noticias/actualidad/")[0].getheader("X-Cache") == "MISS"
