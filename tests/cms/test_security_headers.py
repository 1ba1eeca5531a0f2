"""Content-Security-Policy and Permissions-Policy on every public page kind, in the
admin, and the report-only switch of the environment."""

import json
import re
import secrets

import pytest

from tests.cms.test_settings import run_django
from tests.security_pages import csp_directives, page_kind_urls, public_urls, scan, signed_in_urls

pytestmark = pytest.mark.django_db

PUBLIC_DIRECTIVES = {
    "default-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort")
UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'")


def assert_permissions_policy(response):
    features = dict(
        item.strip().split("=", 1) for item in response["Permissions-Policy"].split(",")
    )
    for feature in DENIED_FEATURES:
        assert features.get(feature) == "()", (feature, response["Permissions-Policy"])


def check_public_response(label, url, response):
    """The strict public policy and Permissions-Policy on ``response``; for an HTML
    page, the header's nonce on the site's scripts and on every inline script, and no
    other nonce. Returns that nonce."""
    assert response.status_code in (200, 302, 404), (label, url, response.status_code)
    assert "Content-Security-Policy" in response, (label, url)
    assert "Content-Security-Policy-Report-Only" not in response
    directives = csp_directives(response["Content-Security-Policy"])
    for name, sources in PUBLIC_DIRECTIVES.items():
        assert directives.get(name) == sources, (label, name, directives.get(name))
    for unsafe in UNSAFE:
        assert unsafe not in directives["script-src"], (label, directives["script-src"])
    assert "'self'" in directives["script-src"]
    assert_permissions_policy(response)
    if response.status_code != 200 or "text/html" not in response["Content-Type"]:
        return None
    scripts = scan(response.content.decode()).scripts
    header_nonces = [
        match.group(1)
        for source in directives["script-src"]
        if (match := re.fullmatch(r"'nonce-(.+)'", source))
    ]
    assert len(header_nonces) == 1, (label, directives["script-src"])
    # The site's own scripts carry the nonce; an inline one could not run without it;
    # a same-origin file (allauth's) runs through 'self'.
    assert any(nonce for _src, nonce in scripts), (label, url, scripts)
    for src, nonce in scripts:
        assert nonce == header_nonces[0] or (src and nonce is None), (label, src, nonce)
    return header_nonces[0]


@pytest.mark.engine_neutral
def test_every_public_page_kind_has_a_strict_nonce_policy(demo_site, client):
    """Every page type (es and en) and every public view: the strict policy, a fresh
    nonce shared by every script tag, no unsafe source, and Permissions-Policy."""
    assert len(page_kind_urls()) >= 50
    nonces = [
        check_public_response(label, url, client.get(url)) for label, url in public_urls().items()
    ]
    html_nonces = [nonce for nonce in nonces if nonce]
    assert len(html_nonces) > 60
    assert len(set(html_nonces)) == len(html_nonces), "each response gets its own nonce"


def test_signed_in_citizen_pages_have_the_strict_policy(demo_site, client, citizen):
    """The account, two-factor and "my petitions" pages of a signed-in citizen."""
    client.force_login(citizen)
    for label, url in signed_in_urls().items():
        response = client.get(url)
        check_public_response(label, url, response)
        assert response.status_code == 200, (label, url, response.status_code)


@pytest.mark.engine_neutral
def test_no_inline_style_on_public_pages(demo_site, client, citizen):
    """No style attribute and no <style> element in any public page's HTML (anonymous
    or signed in), so the policy's style-src 'self' needs no 'unsafe-inline'."""
    found = {}
    for urls in (public_urls(), signed_in_urls()):
        for label, url in urls.items():
            response = client.get(url)
            if response.status_code == 200 and "text/html" in response["Content-Type"]:
                styles = scan(response.content.decode()).inline_styles
                if styles:
                    found[f"{label} {url}"] = styles[:3]
        client.force_login(citizen)
    assert found == {}


def test_admin_policy_allows_only_what_wagtail_needs(demo_site, client, superuser):
    """The admin allows inline scripts and styles (Wagtail 8's widgets write them), but
    no eval, no inline event handler, no other origin; framing only by itself (live
    preview) and blob: images for uploads."""
    client.force_login(superuser)
    response = client.get("/admin/")
    assert response.status_code == 200
    directives = csp_directives(response["Content-Security-Policy"])
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["script-src-attr"] == ["'none'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:", "blob:"]
    for name in ("default-src", "connect-src", "base-uri", "form-action"):
        assert directives[name] == ["'self'"], name
    assert directives["object-src"] == ["'none'"]
    assert_permissions_policy(response)


REPORT_ONLY_PROBE = """
import django, json
django.setup()
from django.test import Client
client = Client(HTTP_HOST="www.soacha.gov.co", HTTP_X_FORWARDED_PROTO="https")
response = client.get("/robots.txt")
print(json.dumps({"status": response.status_code, "headers": dict(response.headers)}))
"""


def production_headers(tmp_path, **env):
    result = run_django(
        REPORT_ONLY_PROBE,
        "cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="www.soacha.gov.co",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        **env,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["status"] == 200
    return probe["headers"]


def test_report_only_and_report_uri_come_from_the_environment(tmp_path):
    """CSP_REPORT_ONLY=true sends the same policy as Report-Only; CSP_REPORT_URI adds
    report-uri. By default the policy is enforced and reports nowhere."""
    enforced = production_headers(tmp_path)
    assert "Content-Security-Policy-Report-Only" not in enforced
    assert "report-uri" not in enforced["Content-Security-Policy"]

    reported = production_headers(
        tmp_path, CSP_REPORT_ONLY="true", CSP_REPORT_URI="https://csp.example.org/report"
    )
    assert "Content-Security-Policy" not in reported
    policy = csp_directives(reported["Content-Security-Policy-Report-Only"])
    assert policy["report-uri"] == ["https://csp.example.org/report"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["style-src"] == ["'self'"]
