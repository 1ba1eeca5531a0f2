"""Role by view for PQRSD: the status each role of the README's roles table gets from the
public PQRSD views, the attachment download, the admin inbox and the closure-day
snippets (harness and cell notation: tests/role_matrix.py)."""

from django.urls import reverse

import pytest

from tests.role_matrix import (
    ADMIN_DENIED,
    ALL_200,
    LOGIN_ONLY,
    PUBLIC_405,
    cell,
    check_matrix,
    snippet,
)

pytestmark = pytest.mark.django_db

#: route of tests/url_inventory.py -> (sample URL from the demo, expected cell per role)
MATRIX = {
    "admin/pqrsd/": (lambda d: "/admin/pqrsd/", (*ADMIN_DENIED, "200", "302:admin", "200")),
    "admin/pqrsd/<int:pk>/": (
        lambda d: f"/admin/pqrsd/{d.case.pk}/",
        (*ADMIN_DENIED, "200", "302:admin", "200"),
    ),
    "admin/pqrsd/verbal/": (
        lambda d: "/admin/pqrsd/verbal/",
        (*ADMIN_DENIED, "200", "302:admin", "200"),
    ),
    "<lang>/pqrsd/": (lambda d: "/es/pqrsd/", ALL_200),
    "<lang>/pqrsd/radicado/<str:radicado>/": (
        lambda d: f"/es/pqrsd/radicado/{d.case.radicado}/",
        ("404",) * 8,
    ),
    "<lang>/pqrsd/consulta/": (lambda d: "/es/pqrsd/consulta/", ALL_200),
    # Only a browser that gave the case's code opens it; everyone else is sent to the form.
    "<lang>/pqrsd/consulta/caso/<str:radicado>/": (
        lambda d: f"/es/pqrsd/consulta/caso/{d.case.radicado}/",
        ("302",) * 8,
    ),
    "<lang>/pqrsd/consulta/calificar/": (lambda d: "/es/pqrsd/consulta/calificar/", PUBLIC_405),
    "<lang>/pqrsd/consulta/completar/": (lambda d: "/es/pqrsd/consulta/completar/", PUBLIC_405),
    "<lang>/pqrsd/respuestas-anonimas/": (lambda d: "/es/pqrsd/respuestas-anonimas/", ALL_200),
    "<lang>/pqrsd/adjuntos/<int:pk>/": (
        lambda d: f"/es/pqrsd/adjuntos/{d.attachment.pk}/",
        ("404", "404", "404", "404", "404", "200", "404", "200"),
    ),
    "<lang>/pqrsd/mis-peticiones/": (lambda d: "/es/pqrsd/mis-peticiones/", LOGIN_ONLY),
    "<lang>/pqrsd/mis-peticiones/<str:radicado>/": (
        lambda d: f"/es/pqrsd/mis-peticiones/{d.case.radicado}/",
        ("302:login",) + ("404",) * 7,
    ),
    "<lang>/pqrsd/estadisticas/": (lambda d: "/es/pqrsd/estadisticas/", ALL_200),
    "<lang>/pqrsd/estadisticas.csv": (lambda d: "/es/pqrsd/estadisticas.csv", ALL_200),
}

#: Wagtail's own views behind this app's role decisions (admin snippets, documents,
#: collections; pages of the app's types), keyed by a description
WAGTAIL_ROWS = {
    "closure days: list": (
        snippet("pqr_closureday", "list"),
        (*ADMIN_DENIED, "200", "302:admin", "200"),
    ),
    "closure days: add": (
        snippet("pqr_closureday", "add"),
        (*ADMIN_DENIED, "302:admin", "302:admin", "200"),
    ),
    "closure days: edit": (
        lambda d: reverse("wagtailsnippets_pqr_closureday:edit", args=[d.closure_day.pk]),
        (*ADMIN_DENIED, "302:admin", "302:admin", "200"),
    ),
}


@pytest.mark.engine_neutral
def test_each_role_gets_what_the_roles_table_says(client, role_users, role_demo):
    """Every cell is checked; all differences are reported at once."""
    check_matrix(client, role_users, role_demo, {**MATRIX, **WAGTAIL_ROWS})


@pytest.mark.parametrize("profile", ["other dependency", "no profile"])
def test_an_official_sees_only_the_cases_of_their_dependencies(
    client, make_user, role_demo, profile
):
    """The table's official sees every case; one of another dependency, or without a
    profile, keeps the inbox and verbal filing but gets 404 for the case and its file."""
    from pqr.models import OfficerProfile

    official = make_user("otra-dependencia@matriz.example", groups=["Funcionarios PQRSD"])
    if profile == "other dependency":
        OfficerProfile.objects.create(user=official).dependencies.set([role_demo.dependency])
        assert role_demo.case.dependency_id != role_demo.dependency.pk
    client.force_login(official)
    client.raise_request_exception = False
    cells = {
        url: cell(client.get(url, follow=True))
        for url in (
            "/admin/pqrsd/",
            "/admin/pqrsd/verbal/",
            # A 404 under /admin/ is first LocaleMiddleware's redirect to /es/admin/…
            f"/admin/pqrsd/{role_demo.case.pk}/",
            f"/es/pqrsd/adjuntos/{role_demo.attachment.pk}/",
        )
    }
    assert list(cells.values()) == ["200", "200", "404", "404"], cells
    inbox = client.get("/admin/pqrsd/?open=all")
    assert role_demo.case.radicado not in inbox.content.decode()
