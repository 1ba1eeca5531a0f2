"""Role by view for surveys: the status each role of the README's roles table gets from the
survey pages and their exports, poll and feedback endpoints, and the admin reports
(harness and cell notation: tests/role_matrix.py)."""

import pytest

from tests.role_matrix import ALL_200, PUBLIC_405, check_matrix

pytestmark = pytest.mark.django_db

#: a survey's raw answers: Editores and superusers only (permission surveys.export_response)
RAW_ANSWERS = ("403", "403", "403", "200", "403", "403", "403", "200")

#: route of tests/url_inventory.py -> (sample URL from the demo, expected cell per role)
MATRIX = {
    "admin/encuestas/": (
        lambda d: "/admin/encuestas/",
        ("302:login", "302:login", "302:admin", "200", "302:admin", "302:admin", "200", "200"),
    ),
    "admin/encuestas/<int:pk>/": (
        lambda d: f"/admin/encuestas/{d.surveys[0].pk}/",
        ("302:login", "302:login", "302:admin", "200", "302:admin", "302:admin", "200", "200"),
    ),
    "admin/encuestas/valoracion/": (
        lambda d: "/admin/encuestas/valoracion/",
        ("302:login", "302:login", "302:admin", "200", "302:admin", "302:admin", "200", "200"),
    ),
    "admin/encuestas/moderacion/": (
        lambda d: "/admin/encuestas/moderacion/",
        (
            "302:login",
            "302:login",
            "302:admin",
            "302:admin",
            "200",
            "302:admin",
            "302:admin",
            "200",
        ),
    ),
    "admin/encuestas/moderacion/<int:pk>/": (
        lambda d: "/admin/encuestas/moderacion/1/",
        ("302:login", "302:login") + ("405",) * 6,
    ),
    "<lang>/encuestas/votar/": (lambda d: "/es/encuestas/votar/", PUBLIC_405),
    "<lang>/encuestas/valoracion/": (lambda d: "/es/encuestas/valoracion/", PUBLIC_405),
    "<SurveyPage>/": (lambda d: d.surveys[0].url, ALL_200),
    "<SurveyPage>/gracias/": (lambda d: d.surveys[0].url + "gracias/", ALL_200),
    "<SurveyPage>/resultados/": (lambda d: d.surveys[0].url + "resultados/", ALL_200),
    "<SurveyPage>/^resultados/(?P<fmt>csv|json|xlsx)/$": (
        lambda d: d.surveys[0].url + "resultados/csv/",
        ALL_200,
    ),
    "<SurveyPage>/^respuestas/(?P<fmt>csv|json|xlsx)/$": (
        lambda d: d.surveys[0].url + "respuestas/csv/",
        RAW_ANSWERS,
    ),
}

#: the other formats of the survey data patterns above: the same cells as their CSV
FORMATS = {
    "survey results: json": (lambda d: d.surveys[0].url + "resultados/json/", ALL_200),
    "survey results: xlsx": (lambda d: d.surveys[0].url + "resultados/xlsx/", ALL_200),
    "survey raw answers: json": (lambda d: d.surveys[0].url + "respuestas/json/", RAW_ANSWERS),
    "survey raw answers: xlsx": (lambda d: d.surveys[0].url + "respuestas/xlsx/", RAW_ANSWERS),
}


def test_each_role_gets_what_the_roles_table_says(client, role_users, role_demo):
    """Every cell is checked; all differences are reported at once."""
    check_matrix(client, role_users, role_demo, {**MATRIX, **FORMATS})
