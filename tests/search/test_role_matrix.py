"""Role by view for search: the status each role of the README's roles table gets from the
search page, its suggestions and the admin report (harness and cell notation:
tests/role_matrix.py)."""

import pytest

from tests.role_matrix import ALL_200, check_matrix

pytestmark = pytest.mark.django_db

#: route of tests/url_inventory.py -> (sample URL from the demo, expected cell per role)
MATRIX = {
    "admin/reports/busquedas/": (
        lambda d: "/admin/reports/busquedas/",
        (
            "302:login",
            "302:login",
            "302:admin",
            "200",
            "302:admin",
            "302:admin",
            "302:admin",
            "200",
        ),
    ),
    "<lang>/buscar/": (lambda d: "/es/buscar/?q=agua", ALL_200),
    "<lang>/buscar/sugerencias/": (lambda d: "/es/buscar/sugerencias/?q=agu", ALL_200),
}


def test_each_role_gets_what_the_roles_table_says(client, role_users, role_demo):
    """Every cell is checked; all differences are reported at once."""
    check_matrix(client, role_users, role_demo, MATRIX)
