"""Every rate of the portal's views is a named setting, read through one helper, and
every refusal is a 429 that is never cached."""

import re
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.utils import translation

import pytest

from cms.ratelimits import rate, too_many_requests
from cms.settings import base

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "cms",
    "home",
    "pqr",
    "search",
    "surveys",
    "transparency",
    "participation",
    "gel",
    "subscriptions",
]


def _sources():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts and "settings" not in path.parts:
                yield path


def test_no_view_has_a_literal_rate():
    """``rate=`` is always ``rate("name")`` (cms.ratelimits), never "10/m" in a view."""
    literal = re.compile(r"""rate\s*=\s*(["'][0-9]|settings\.|getattr\(settings|_rate\()""")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _sources()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if literal.search(line)
    ]
    assert offenders == []


def test_every_named_rate_exists_and_parses():
    used = {
        name
        for path in _sources()
        for name in re.findall(r"""\brate\(\s*["']([a-z_]+)["']""", path.read_text())
    }
    assert used and used <= set(base.RATE_LIMITS)
    for value in base.RATE_LIMITS.values():
        assert re.fullmatch(r"\d+/\d*[smhd]", value), value


def test_an_unknown_rate_fails_at_import_time():
    with pytest.raises(ImproperlyConfigured):
        rate("no_such_rate")


def test_a_rate_is_read_at_request_time(settings):
    reader = rate("pqr_filing")
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pqr_filing": "1/d"}
    assert reader("group", None) == "1/d"


def test_the_friendly_page_is_429_and_never_cached(db):
    with translation.override("es"):  # a request factory's request has no language
        response = too_many_requests(RequestFactory().get("/")).render()
    assert response.status_code == 429
    assert "no-cache" in response["Cache-Control"]
    assert "Demasiados intentos" in response.content.decode()
