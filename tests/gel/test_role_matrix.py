"""Role by view for gel: the public self-assessment, action plan and bimonthly report (its
page and PDF), the committee's snapshot button
(POST only) and the action plan's progress report (harness and cell notation:
tests/role_matrix.py). The snippets of manual evaluations and snapshots are in
tests/gel/test_manual_evaluations.py, those of the action plan in
tests/gel/test_action_plan_admin.py."""

import pytest

from tests.fuzz_samples import _report
from tests.role_matrix import ALL_200, check_matrix

pytestmark = pytest.mark.django_db

ADMIN_POST_ONLY = ("302:login", "302:login") + ("405",) * 6
#: the action plan's progress report: the committee (superuser here) and Control Interno
PLAN_REPORT = ("302:login", "302:login") + ("302:admin",) * 4 + ("200", "200")

MATRIX = {
    "<lang>/gobierno-en-linea/autoevaluacion/": (
        lambda d: "/es/gobierno-en-linea/autoevaluacion/",
        ALL_200,
    ),
    "<lang>/gobierno-en-linea/plan-de-accion/": (
        lambda d: "/es/gobierno-en-linea/plan-de-accion/",
        ALL_200,
    ),
    "<BimonthlyReportPage>/": (lambda d: _report(d).url, ALL_200),
    "<BimonthlyReportPage>/pdf/": (lambda d: _report(d).url + "pdf/", ALL_200),
    "admin/gel/instantanea/": (lambda d: "/admin/gel/instantanea/", ADMIN_POST_ONLY),
    "admin/reports/plan-gel/": (lambda d: "/admin/reports/plan-gel/", PLAN_REPORT),
}


@pytest.mark.engine_neutral
def test_each_role_gets_what_the_roles_table_says(client, role_users, role_demo):
    check_matrix(client, role_users, role_demo, MATRIX)
