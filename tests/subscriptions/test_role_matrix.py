"""Role by view for subscriptions: the public form, its confirmation and unsubscribe
pages, and the editors' report (harness and cell notation: tests/role_matrix.py)."""

import pytest

from tests.role_matrix import ALL_200, check_matrix

pytestmark = pytest.mark.django_db


def _debate(d):
    from participation.models import DebatePage

    return DebatePage.objects.live().filter(locale__language_code="es").order_by("path").first()


ALL_400 = ("400",) * 8
EDITORS_ONLY = ("302:login", "302:login", "302:admin", "200") + ("302:admin",) * 3 + ("200",)

#: route of tests/url_inventory.py -> (sample URL, expected cell per role)
MATRIX = {
    "<lang>/suscripciones/": (lambda d: "/es/suscripciones/", ALL_200),
    "<lang>/suscripciones/pendiente/": (lambda d: "/es/suscripciones/pendiente/", ALL_200),
    # A token that names nothing: refused for everyone, signed in or not.
    "<lang>/suscripciones/confirmar/<str:token>/": (
        lambda d: "/es/suscripciones/confirmar/abc/",
        ALL_200,
    ),
    "<lang>/suscripciones/baja/<str:token>/": (lambda d: "/es/suscripciones/baja/1-abc/", ALL_400),
    # One process: its form page and its feed, public; the digest's one-click stop with
    # a token that names nobody is refused for everyone.
    "<lang>/suscripciones/proceso/<int:page_id>/": (
        lambda d: f"/es/suscripciones/proceso/{_debate(d).pk}/",
        ALL_200,
    ),
    "<lang>/suscripciones/proceso/<int:page_id>/atom/": (
        lambda d: f"/es/suscripciones/proceso/{_debate(d).pk}/atom/",
        ALL_200,
    ),
    "<lang>/suscripciones/atom/<str:list_key>/": (
        lambda d: "/es/suscripciones/atom/news/",
        ALL_200,
    ),
    "<lang>/suscripciones/resumen/baja/<str:token>/": (
        lambda d: "/es/suscripciones/resumen/baja/1-daily-abc/",
        ALL_400,
    ),
    "admin/reports/suscripciones/": (lambda d: "/admin/reports/suscripciones/", EDITORS_ONLY),
}


def test_each_role_gets_what_the_roles_table_says(client, role_users, role_demo):
    """Every cell is checked; all differences are reported at once."""
    check_matrix(client, role_users, role_demo, MATRIX)
