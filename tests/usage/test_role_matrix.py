"""Role by view for usage: the public statistics page, the beacon (POST only) and the
admin report with its CSV (harness and cell notation: tests/role_matrix.py)."""

import pytest

from tests.role_matrix import ALL_200, PUBLIC_405, check_matrix

pytestmark = pytest.mark.django_db

REPORT = ("302:login", "302:login", "302:admin", "200", "302:admin", "302:admin", "200", "200")

#: route of tests/url_inventory.py -> (sample URL, expected cell per role)
MATRIX = {
    "<lang>/estadisticas-de-uso/": (lambda d: "/es/estadisticas-de-uso/", ALL_200),
    "uso/v/": (lambda d: "/uso/v/", PUBLIC_405),
    "admin/reports/uso/": (lambda d: "/admin/reports/uso/", REPORT),
    "admin/reports/uso.csv": (lambda d: "/admin/reports/uso.csv", REPORT),
}


def test_each_role_gets_what_the_roles_table_says(client, role_users, role_demo):
    """Every cell is checked; all differences are reported at once."""
    check_matrix(client, role_users, role_demo, MATRIX)
