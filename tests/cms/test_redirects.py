"""One rule for where a ``next`` may send the browser, used by the login redirect,
the poll vote and the page-opinion widget alike."""

from django.test import RequestFactory

from wagtail.models import Page

import pytest

from cms.redirects import safe_next

SAFE = ["/es/noticias/", "/es/buscar/?q=licencia"]
UNSAFE = [
    "https://malo.example/",
    "//malo.example/",
    "http://testserver/es/",  # this host, but not a path: one rule, paths only
    "/\\malo.example",
    "javascript:alert(1)",
    "abc",
    "",
]


@pytest.mark.parametrize("value", SAFE)
def test_paths_on_this_site_are_kept(value):
    request = RequestFactory().post("/", {"next": value})
    assert safe_next(request, "/fallback/") == value


@pytest.mark.parametrize("value", UNSAFE)
def test_anything_else_falls_back(value):
    request = RequestFactory().post("/", {"next": value})
    assert safe_next(request, "/fallback/") == "/fallback/"


def test_https_site_refuses_a_plain_http_target():
    request = RequestFactory().get("/", {"next": "/es/"}, secure=True)
    assert safe_next(request, "/x/") == "/es/"


@pytest.mark.parametrize("value", SAFE + UNSAFE)
def test_login_redirect_and_page_opinion_agree(client, demo_site, value):
    """The login redirect keeps ``next`` exactly when the opinion widget follows it."""
    login = client.get("/es/_util/login/", {"next": value})
    kept_by_login = "next=" in login["Location"]
    page = Page.objects.get(pk=demo_site.root_page_id)
    opinion = client.post(
        "/es/encuestas/valoracion/",
        {"page": page.pk, "feedback-useful": "1", "next": value},
        HTTP_ORIGIN="http://testserver",
    )
    followed_by_opinion = opinion["Location"] == value
    assert kept_by_login == followed_by_opinion == (value in SAFE)
