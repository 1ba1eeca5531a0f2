"""Role by view: what each role of the README gets from every URL of the portal (issue 9,
item 11).

One row per pattern of tests/url_inventory.py (public and portal admin views), plus the
Wagtail admin views behind the role decisions (transparency snippets, closure days,
documents of restricted collections, collections). Each cell is the status a GET
answers for that role; a redirect is written ``302:login`` (to allauth's login),
``302:admin`` (Wagtail's "no permission" bounce to the dashboard) or ``302`` (elsewhere).
A pattern without a row fails, so a new view must say who may see it."""

from django.urls import reverse

import pytest

from cms.roles import AUTHORS, EDITORS, INTERNAL_CONTROL, MODERATORS, PQR_OFFICERS
from pqr.models import OfficerProfile
from tests.fuzz_samples import load_demo
from tests.url_inventory import missing_rows

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "citizen", "author", "editor", "moderator", "pqr", "control", "superuser")
GROUPS = {
    "author": [AUTHORS],
    "editor": [EDITORS],
    "moderator": [MODERATORS],
    "pqr": [PQR_OFFICERS],
    "control": [INTERNAL_CONTROL],
}

ALL_200 = ("200",) * 8
PUBLIC_405 = ("405",) * 8
LOGIN_ONLY = ("302:login",) + ("200",) * 7
ADMIN_DENIED = ("302:login", "302:login", "302:admin", "302:admin", "302:admin")
#: a survey's raw answers: Editores and superusers only (permission surveys.export_response)
RAW_ANSWERS = ("403", "403", "403", "200", "403", "403", "403", "200")


def _snippet(model, action, *args):
    return lambda d: reverse(f"wagtailsnippets_{model}:{action}", args=args)


#: route -> (sample URL from the demo, expected cell per role in ROLES order)
MATRIX = {
    "admin/login/": (lambda d: "/admin/login/", ("302:login",) * 8),
    "admin/pqrsd/": (lambda d: "/admin/pqrsd/", (*ADMIN_DENIED, "200", "302:admin", "200")),
    "admin/pqrsd/<int:pk>/": (
        lambda d: f"/admin/pqrsd/{d.case.pk}/",
        (*ADMIN_DENIED, "200", "302:admin", "200"),
    ),
    "admin/pqrsd/verbal/": (
        lambda d: "/admin/pqrsd/verbal/",
        (*ADMIN_DENIED, "200", "302:admin", "200"),
    ),
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
    "documentos/^(\\d+)/(.*)$": (lambda d: d.document.url, ALL_200),
    "documentos/authenticate_with_password/<int:restriction_id>/": (
        lambda d: f"/documentos/authenticate_with_password/{d.private.collection_restriction.pk}/",
        ALL_200,
    ),
    "sitemap.xml": (lambda d: "/sitemap.xml", ALL_200),
    "robots.txt": (lambda d: "/robots.txt", ALL_200),
    "i18n/setlang/": (lambda d: "/i18n/setlang/", ("302",) * 8),
    "<lang>/cuentas/signup/": (lambda d: "/es/cuentas/signup/", ("200",) + ("302",) * 7),
    "<lang>/cuentas/login/": (lambda d: "/es/cuentas/login/", ("200",) + ("302",) * 7),
    "<lang>/cuentas/logout/": (lambda d: "/es/cuentas/logout/", ("302",) + ("200",) * 7),
    "<lang>/cuentas/inactive/": (lambda d: "/es/cuentas/inactive/", ALL_200),
    "<lang>/cuentas/reauthenticate/": (lambda d: "/es/cuentas/reauthenticate/", LOGIN_ONLY),
    "<lang>/cuentas/email/": (lambda d: "/es/cuentas/email/", LOGIN_ONLY),
    "<lang>/cuentas/confirm-email/": (lambda d: "/es/cuentas/confirm-email/", ALL_200),
    "<lang>/cuentas/password/change/": (lambda d: "/es/cuentas/password/change/", LOGIN_ONLY),
    "<lang>/cuentas/password/set/": (
        lambda d: "/es/cuentas/password/set/",
        ("302:login",) + ("302",) * 7,
    ),
    "<lang>/cuentas/password/reset/": (lambda d: "/es/cuentas/password/reset/", ALL_200),
    "<lang>/cuentas/login/code/confirm/": (
        lambda d: "/es/cuentas/login/code/confirm/",
        ("302:login",) + ("302",) * 7,
    ),
    "<lang>/cuentas/^confirm-email/(?P<key>[-:\\w]+)/$": (
        lambda d: "/es/cuentas/confirm-email/abc/",
        ALL_200,
    ),
    "<lang>/cuentas/password/reset/key/done/": (
        lambda d: "/es/cuentas/password/reset/key/done/",
        ALL_200,
    ),
    "<lang>/cuentas/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": (
        lambda d: "/es/cuentas/password/reset/key/1-abc/",
        ALL_200,
    ),
    "<lang>/cuentas/password/reset/done/": (lambda d: "/es/cuentas/password/reset/done/", ALL_200),
    "<lang>/cuentas/2fa/": (lambda d: "/es/cuentas/2fa/", LOGIN_ONLY),
    "<lang>/cuentas/2fa/authenticate/": (
        lambda d: "/es/cuentas/2fa/authenticate/",
        ("302:login",) + ("302",) * 7,
    ),
    "<lang>/cuentas/2fa/reauthenticate/": (
        lambda d: "/es/cuentas/2fa/reauthenticate/",
        ("302:login",) + ("302",) * 7,
    ),
    "<lang>/cuentas/2fa/totp/activate/": (
        lambda d: "/es/cuentas/2fa/totp/activate/",
        ("302:login",) + ("302",) * 7,
    ),
    "<lang>/cuentas/2fa/totp/deactivate/": (
        lambda d: "/es/cuentas/2fa/totp/deactivate/",
        ("302:login",) + ("404",) * 7,
    ),
    "<lang>/cuentas/2fa/recovery-codes/": (
        lambda d: "/es/cuentas/2fa/recovery-codes/",
        ("302:login",) + ("404",) * 7,
    ),
    "<lang>/cuentas/2fa/recovery-codes/generate/": (
        lambda d: "/es/cuentas/2fa/recovery-codes/generate/",
        ("302:login",) + ("302",) * 7,
    ),
    "<lang>/cuentas/2fa/recovery-codes/download/": (
        lambda d: "/es/cuentas/2fa/recovery-codes/download/",
        ("302:login",) + ("404",) * 7,
    ),
    "<lang>/buscar/": (lambda d: "/es/buscar/?q=agua", ALL_200),
    "<lang>/buscar/sugerencias/": (lambda d: "/es/buscar/sugerencias/?q=agu", ALL_200),
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
    "<lang>/encuestas/votar/": (lambda d: "/es/encuestas/votar/", PUBLIC_405),
    "<lang>/encuestas/valoracion/": (lambda d: "/es/encuestas/valoracion/", PUBLIC_405),
    "<lang>/mapa-del-sitio/": (lambda d: "/es/mapa-del-sitio/", ALL_200),
    "<lang>/_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        lambda d: (
            f"/es/_util/authenticate_with_password/{d.private.page_restriction.pk}/"
            f"{d.private.page.pk}/"
        ),
        ALL_200,
    ),
    # Wagtail's front-end login only forwards to allauth's (issue 9, item 1).
    "<lang>/_util/login/": (lambda d: "/es/_util/login/", ("302:login",) * 8),
    "<lang>/^((?:[\\w\\-]+/)*)$": (lambda d: "/es/", ALL_200),
    "<EventIndexPage>/": (lambda d: d.event_index.url, ALL_200),
    "<EventIndexPage>/ical/": (lambda d: d.event_index.url + "ical/", ALL_200),
    "<EventPage>/": (lambda d: d.event.url, ALL_200),
    "<EventPage>/ical/": (lambda d: d.event.url + "ical/", ALL_200),
    "<NewsIndexPage>/": (lambda d: d.news_index.url, ALL_200),
    "<NewsIndexPage>/rss/": (lambda d: d.news_index.url + "rss/", ALL_200),
    "<NewsIndexPage>/atom/": (lambda d: d.news_index.url + "atom/", ALL_200),
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

#: Wagtail's own admin views behind the role decisions of issue 9, item 11
WAGTAIL_ADMIN = {
    "transparency snippets: list": (
        _snippet("cms_dependency", "list"),
        (*ADMIN_DENIED[:2], "200", "200", "302:admin", "302:admin", "302:admin", "200"),
    ),
    "transparency snippets: add": (
        _snippet("cms_dependency", "add"),
        (*ADMIN_DENIED[:3], "200", "302:admin", "302:admin", "302:admin", "200"),
    ),
    "transparency snippets: edit": (
        lambda d: reverse("wagtailsnippets_cms_dependency:edit", args=[d.dependency.pk]),
        (*ADMIN_DENIED[:3], "200", "302:admin", "302:admin", "302:admin", "200"),
    ),
    "closure days: list": (
        _snippet("pqr_closureday", "list"),
        (*ADMIN_DENIED, "200", "302:admin", "200"),
    ),
    "closure days: add": (
        _snippet("pqr_closureday", "add"),
        (*ADMIN_DENIED, "302:admin", "302:admin", "200"),
    ),
    "closure days: edit": (
        lambda d: reverse("wagtailsnippets_pqr_closureday:edit", args=[d.closure_day.pk]),
        (*ADMIN_DENIED, "302:admin", "302:admin", "200"),
    ),
    "documents: index": (
        lambda d: reverse("wagtaildocs:index"),
        (*ADMIN_DENIED[:2], "200", "200", "302:admin", "302:admin", "302:admin", "200"),
    ),
    "documents: edit one in a password collection": (
        lambda d: reverse("wagtaildocs:edit", args=[d.private.document.pk]),
        (*ADMIN_DENIED[:3], "200", "302:admin", "302:admin", "302:admin", "200"),
    ),
    "documents: edit one in a group-only collection": (
        lambda d: reverse("wagtaildocs:edit", args=[d.private.group_document.pk]),
        (*ADMIN_DENIED[:3], "200", "302:admin", "302:admin", "302:admin", "200"),
    ),
    "documents: serve one in a group-only collection": (
        lambda d: d.private.group_document.url,
        # Wagtail sends non-members to the login page (allauth's, WAGTAIL_FRONTEND_LOGIN_URL);
        # only the group and superusers read it.
        ("302:login",) * 6 + ("200", "200"),
    ),
    "collections: index": (
        lambda d: reverse("wagtailadmin_collections:index"),
        (*ADMIN_DENIED, "302:admin", "302:admin", "200"),
    ),
    "collections: privacy of a restricted collection": (
        lambda d: reverse("wagtailadmin_collections:set_privacy", args=[d.private.collection.pk]),
        (*ADMIN_DENIED, "302:admin", "302:admin", "200"),
    ),
}


def test_every_inventory_route_has_a_matrix_row():
    assert missing_rows(MATRIX) == []


def _cell(response):
    if response.status_code != 302:
        return str(response.status_code)
    location = response["Location"]
    if "/cuentas/login/" in location:
        return "302:login"
    if location.rstrip("/") in ("/admin", "http://testserver/admin"):
        return "302:admin"
    return "302"


@pytest.fixture
def users(make_user):
    made = {"anonymous": None, "citizen": make_user("ciudadano@matriz.example")}
    for role, groups in GROUPS.items():
        made[role] = make_user(f"{role}@matriz.example", groups=groups)
    made["superuser"] = make_user("admin@matriz.example", is_superuser=True, is_staff=True)
    # The PQRSD official of the table is the ventanilla única's, who triages every case.
    OfficerProfile.objects.create(user=made["pqr"], sees_all=True)
    return made


def test_each_role_gets_what_the_roles_table_says(client, demo_site, users):
    """Every cell is checked; all differences are reported at once."""
    from cms.models import Dependency
    from pqr.models import ClosureDay

    demo = load_demo(demo_site)
    demo.dependency = Dependency.objects.order_by("pk").first()
    demo.closure_day = ClosureDay.objects.order_by("pk").first() or ClosureDay.objects.create(
        date="2026-12-24", reason="Cierre de prueba"
    )
    rows = {**MATRIX, **FORMATS, **WAGTAIL_ADMIN}
    client.raise_request_exception = False
    actual = {name: [] for name in rows}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        for name, (sample, _expected) in rows.items():
            actual[name].append(_cell(client.get(sample(demo))))
    differences = [
        f"{role:9} {name}: got {got}, table says {want}"
        for name, (_sample, expected) in rows.items()
        for role, got, want in zip(ROLES, actual[name], expected, strict=True)
        if got != want
    ]
    if differences:
        answered = "\n".join(f"{name!r}: {tuple(cells)!r}," for name, cells in actual.items())
        pytest.fail("\n".join(differences) + "\n\nWhat the code answers:\n" + answered)
