"""Hostile or odd input gives a normal page, never a 500, and searches are rate-limited."""

import pytest

from .helpers import search

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "",
    "   ",
    "a" * 5000,
    "licencia " * 1000,
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    '"licencia de construcción',
    'licencia"\'"',
    "(tramite OR",
    "NOT AND OR NEAR",
    "* - + ~ ^ : \\",
    "%_%",
    "😀 🏠",
    "de la el",
]


def test_a_nul_byte_in_the_query_is_refused_with_a_clear_400(client, demo_site):
    """NUL bytes are refused site-wide (cms.null_bytes) before the search runs."""
    response = search(client, "trámite\x00")
    assert response.status_code == 400
    assert "nulo" in response.content.decode()


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_return_a_normal_page(client, demo_site, query):
    """Empty, huge, SQL-looking, quoted and symbol-only queries answer 200."""
    response = search(client, query)
    assert response.status_code == 200
    assert "<h1" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"type": "'; DROP TABLE x"},
        {"type": "nope.nothing"},
        {"year": "dos mil"},
        {"year": "99999"},
        {"dependency": "-1"},
        {"page": "9999"},
        {"page": "abc"},
    ],
)
def test_tampered_filters_return_a_normal_page(client, make_page, params):
    """Invalid filters or page numbers are ignored, never a 500."""
    make_page("Licencia de funcionamiento")
    response = search(client, "licencia", **params)
    assert response.status_code == 200


def test_long_query_is_cut_and_kept_in_the_form(client, make_page):
    """A query over 200 characters is cut to 200 and shown back in the search box."""
    response = search(client, "b" * 300)
    assert response.context["search_query"] == "b" * 200
    assert 'value="' + "b" * 200 + '"' in response.content.decode()


def test_query_is_escaped_in_the_page(client, demo_site):
    """What the citizen typed is shown escaped, never as HTML."""
    response = search(client, "<script>alert(1)</script>")
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_search_is_rate_limited_with_a_spanish_message(client, demo_site, settings):
    """Past the per-client limit the search answers 429 with a clear Spanish message."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "3/h"}
    for _ in range(3):
        assert search(client, "licencia").status_code == 200
    response = search(client, "licencia")
    assert response.status_code == 429
    assert "Ha hecho demasiadas búsquedas" in response.content.decode()


def test_rate_limit_is_per_client(client, demo_site, settings):
    """Another address still gets results when one address is over the limit."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "2/h"}
    for _ in range(3):
        client.get("/es/buscar/", {"q": "licencia"}, REMOTE_ADDR="10.0.0.1")
    assert client.get("/es/buscar/", {"q": "licencia"}, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get("/es/buscar/", {"q": "licencia"}, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_suggestions_are_rate_limited(client, demo_site, settings):
    """The suggestions endpoint answers 429 JSON past its limit."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search_suggest": "2/h"}
    for _ in range(2):
        assert client.get("/es/buscar/sugerencias/", {"q": "tra"}).status_code == 200
    response = client.get("/es/buscar/sugerencias/", {"q": "tra"})
    assert response.status_code == 429
    assert response.json()["results"] == []


def test_post_is_not_allowed(client, demo_site):
    """The search only answers GET."""
    assert client.post("/es/buscar/", {"q": "x"}).status_code == 405
