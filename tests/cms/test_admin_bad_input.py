"""Junk in the portal's own admin views is a 404 or is ignored, never a 500 (found by
tests/cms/test_fuzz.py)."""

from django.test import Client

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(superuser):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    return client


@pytest.mark.parametrize("dependency", ["²", "99999999999999999999", "-1", "abc"])
def test_pqrsd_inbox_ignores_a_dependency_filter_that_is_not_an_id(
    admin_client, demo_site, dependency
):
    assert admin_client.get(f"/admin/pqrsd/?dependency={dependency}").status_code == 200


def test_survey_report_of_an_id_out_of_range_is_not_found(admin_client, demo_site):
    """Not found (LocaleMiddleware then tries the /es/-prefixed URL, hence the 302)."""
    response = admin_client.get("/admin/encuestas/99999999999999999999/")
    assert response.status_code == 302
    assert response["Location"] == "/es/admin/encuestas/99999999999999999999/"
