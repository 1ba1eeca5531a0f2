"""Signing in from a Spanish page returns to that page, in Spanish, whatever language
the browser prefers (it used to land on /en/)."""

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "una-clave-segura-123"


def _sign_in_link(html):
    start = html.index('<nav class="account-links"')
    nav = html[start : html.index("</nav>", start)]
    href = nav.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    return href


@pytest.mark.parametrize("page", ["/es/pqrsd/estadisticas/", "/en/pqrsd/estadisticas/"])
def test_sign_in_returns_to_the_page_it_was_clicked_on(demo_site, client, citizen, page):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-US,en;q=0.9" if "/es/" in page else "es"
    link = _sign_in_link(client.get(page).content.decode())
    parts = urlsplit(link)
    assert parts.path == f"/{page[1:3]}/cuentas/login/"
    assert parse_qs(parts.query)["next"] == [page]
    response = client.post(link, {"login": citizen.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == page


def test_sign_in_without_next_keeps_the_language_of_the_sign_in_page(demo_site, client, citizen):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-US,en;q=0.9"
    response = client.post("/es/cuentas/login/", {"login": citizen.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert client.get(response["Location"]).status_code == 200


def test_sign_in_link_on_an_account_page_has_no_next(demo_site, client):
    """On the sign-in page itself the link would send the user back to the sign-in."""
    html = client.get("/es/cuentas/signup/").content.decode()
    assert _sign_in_link(html) == "/es/cuentas/login/"
