"""The sign-in form (allauth) shows the portal's shared error summary (issue 13), the
element cms/js/portal.js focuses on load."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_a_failed_sign_in_has_the_focusable_summary(demo_site, client, citizen):
    response = client.post(
        "/es/cuentas/login/", {"login": citizen.email, "password": "una-clave-equivocada"}
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    summary = soup.select_one("[data-error-summary]")
    assert summary is not None
    assert summary["id"] == "error-summary" and summary["tabindex"] == "-1"
    assert summary.find("li") is not None
    assert soup.find(id="id_login")["value"] == citizen.email
