"""Role by view for the project (cms), Wagtail and allauth: the status each role of the
README's roles table gets from the sign-in and account views, Wagtail's front-end views
(pages, documents, passwords), the sitemap, robots.txt and the language switch, and the
Wagtail admin views for documents and collections (harness and cell notation:
tests/role_matrix.py)."""

from django.urls import reverse

import pytest

from cms.consents import record_consent
from cms.models import Consent, DataPolicyVersion
from tests.role_matrix import ADMIN_DENIED, ALL_200, LOGIN_ONLY, check_matrix

pytestmark = pytest.mark.django_db

#: route of tests/url_inventory.py -> (sample URL from the demo, expected cell per role)
MATRIX = {
    "admin/login/": (lambda d: "/admin/login/", ("302:login",) * 8),
    "documentos/^(\\d+)/(.*)$": (lambda d: d.document.url, ALL_200),
    "documentos/authenticate_with_password/<int:restriction_id>/": (
        lambda d: f"/documentos/authenticate_with_password/{d.private.collection_restriction.pk}/",
        ALL_200,
    ),
    "sitemap.xml": (lambda d: "/sitemap.xml", ALL_200),
    "robots.txt": (lambda d: "/robots.txt", ALL_200),
    "favicon.ico": (lambda d: "/favicon.ico", ("301",) * 8),
    "i18n/setlang/": (lambda d: "/i18n/setlang/", ("302",) * 8),
    "<lang>/cuentas/signup/": (lambda d: "/es/cuentas/signup/", ("200",) + ("302",) * 7),
    "<lang>/cuentas/login/": (lambda d: "/es/cuentas/login/", ("200",) + ("302",) * 7),
    "<lang>/cuentas/logout/": (lambda d: "/es/cuentas/logout/", ("302",) + ("200",) * 7),
    "<lang>/cuentas/inactive/": (lambda d: "/es/cuentas/inactive/", ALL_200),
    "<lang>/cuentas/reauthenticate/": (lambda d: "/es/cuentas/reauthenticate/", LOGIN_ONLY),
    "<lang>/cuentas/email/": (lambda d: "/es/cuentas/email/", LOGIN_ONLY),
    "<lang>/mi-cuenta/": (lambda d: "/es/mi-cuenta/", LOGIN_ONLY),
    # Someone else's consent: only its owner may withdraw it (404 for everyone else).
    "<lang>/mi-cuenta/autorizaciones/<int:pk>/retirar/": (
        lambda d: f"/es/mi-cuenta/autorizaciones/{_foreign_consent().pk}/retirar/",
        ("302:login",) + ("404",) * 7,
    ),
    # "Download my data": a POST only; the link opens only for its owner (404 for
    # everyone else, whoever they are); deleting the account: the page for anyone
    # signed in (staff are told to ask an administrator); the confirmation only right
    # after a deletion.
    "<lang>/mi-cuenta/mis-datos/": (lambda d: "/es/mi-cuenta/mis-datos/", ("405",) * 8),
    "<lang>/mi-cuenta/mis-datos/<str:token>/": (
        lambda d: "/es/mi-cuenta/mis-datos/no-es-un-token/",
        ("302:login",) + ("404",) * 7,
    ),
    "<lang>/mi-cuenta/eliminar/": (lambda d: "/es/mi-cuenta/eliminar/", LOGIN_ONLY),
    "<lang>/mi-cuenta/eliminada/": (lambda d: "/es/mi-cuenta/eliminada/", ("302",) * 8),
    "<lang>/politica-de-datos/": (lambda d: "/es/politica-de-datos/", ALL_200),
    "<lang>/politica-de-datos/version-<int:number>/": (
        lambda d: "/es/politica-de-datos/version-1/",
        ALL_200,
    ),
    # Version 1 is published: editors are sent to its read-only page, others refused.
    "admin/politica-de-datos/edit/<int:pk>/": (
        lambda d: f"/admin/politica-de-datos/edit/{DataPolicyVersion.objects.get(number=1).pk}/",
        (
            "302:login",
            "302:login",
            "302:admin",
            "302",
            "302:admin",
            "302:admin",
            "302:admin",
            "302",
        ),
    ),
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
}

#: Wagtail's own views behind this app's role decisions (admin snippets, documents,
#: collections; pages of the app's types), keyed by a description
WAGTAIL_ROWS = {
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


def _foreign_consent():
    """A consent of an account that plays no role in the table."""
    from django.contrib.auth import get_user_model

    owner, _ = get_user_model().objects.get_or_create(
        username="dueno@matriz.example", defaults={"email": "dueno@matriz.example"}
    )
    return record_consent(Consent.Purpose.COMUNA, Consent.Channel.PROFILE, user=owner)


@pytest.mark.engine_neutral
def test_each_role_gets_what_the_roles_table_says(client, role_users, role_demo):
    """Every cell is checked; all differences are reported at once."""
    check_matrix(client, role_users, role_demo, {**MATRIX, **WAGTAIL_ROWS})
