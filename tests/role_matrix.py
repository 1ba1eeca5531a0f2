"""The role-by-view harness shared by every app's ``tests/<app>/test_role_matrix.py``
and ``tests/<app>/test_rules.py``.

Each app's matrix file holds ``MATRIX``: one row per URL pattern of
tests/url_inventory.py whose view belongs to that app (patterns of Wagtail, Django and
allauth belong to cms), route -> (sample URL from the demo, expected cell per role in
``ROLES`` order); and optionally ``WAGTAIL_ROWS``: Wagtail's own views behind the app's
role decisions (its admin snippets, documents, collections; pages of its types), keyed
by a description.
A cell is the status a GET answers for that role; a redirect is written ``302:login``
(to allauth's login), ``302:admin`` (Wagtail's "no permission" bounce to the dashboard)
or ``302`` (elsewhere). tests/test_role_matrix_rows.py fails for a pattern without a
row in its app's file, so a new view must say who may see it.

``rule_users`` gives the rules tests one user per role of ``RULE_ROLES`` (the PQRSD
official split by whether the case's dependency is theirs)."""

from types import SimpleNamespace

from django.urls import reverse

import pytest

from cms.roles import AUTHORS, EDITORS, INTERNAL_CONTROL, MODERATORS, PQR_OFFICERS

#: the apps with a tests/<app>/test_role_matrix.py
MATRIX_APPS = (
    "cms",
    "home",
    "transparency",
    "pqr",
    "surveys",
    "search",
    "participation",
    "subscriptions",
    "gel",
    "usage",
)

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


def matrix_file(app):
    return f"tests/{app}/test_role_matrix.py"


def owner_app(route):
    """The app whose matrix file holds the row of an inventory ``Route``: the app of
    its view; Wagtail's, Django's and allauth's views belong to cms."""
    module = route.view.split(".", 1)[0]
    return module if module not in ("wagtail", "django", "allauth") else "cms"


def snippet(model, action, *args):
    """A sample for a Wagtail snippet admin view, e.g. ``snippet("pqr_closureday", "list")``."""
    return lambda d: reverse(f"wagtailsnippets_{model}:{action}", args=args)


def cell(response):
    if response.status_code != 302:
        return str(response.status_code)
    location = response["Location"]
    if "/cuentas/login/" in location:
        return "302:login"
    if location.rstrip("/") in ("/admin", "http://testserver/admin"):
        return "302:admin"
    return "302"


@pytest.fixture
def role_users(make_user):
    """One user per role of ``ROLES`` (``None`` for the anonymous visitor)."""
    from pqr.models import OfficerProfile

    made = {"anonymous": None, "citizen": make_user("ciudadano@matriz.example")}
    for role, groups in GROUPS.items():
        made[role] = make_user(f"{role}@matriz.example", groups=groups)
    made["superuser"] = make_user("admin@matriz.example", is_superuser=True, is_staff=True)
    # The PQRSD official of the table is the ventanilla única's, who triages every case.
    OfficerProfile.objects.create(user=made["pqr"], sees_all=True)
    return made


@pytest.fixture
def role_demo(demo_site):
    """The demo objects the matrix samples point at."""
    # Imported here: tests/conftest.py imports this module before Django is set up.
    from cms.models import Dependency
    from pqr.filing import file_case
    from pqr.models import Case, ClosureDay
    from tests.fuzz_samples import SAMPLE_PETITION, load_demo
    from transparency.models import TransparencyPage

    if not Case.objects.exists():  # tests/pqr starts without the demo's sample cases
        file_case(dict(SAMPLE_PETITION))
    demo = load_demo(demo_site)
    demo.dependency = Dependency.objects.order_by("pk").first()
    demo.closure_day = ClosureDay.objects.order_by("pk").first() or ClosureDay.objects.create(
        date="2026-12-24", reason="Cierre de prueba"
    )
    demo.transparency_page = TransparencyPage.objects.live().order_by("path").first()
    return demo


def check_matrix(client, users, demo, rows):
    """GET every row's sample as every role; fail listing every differing cell, with
    the table the code answers (to paste after a deliberate change)."""
    client.raise_request_exception = False
    actual = {name: [] for name in rows}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        for name, (sample, _expected) in rows.items():
            actual[name].append(cell(client.get(sample(demo))))
    differences = [
        f"{role:9} {name}: got {got}, table says {want}"
        for name, (_sample, expected) in rows.items()
        for role, got, want in zip(ROLES, actual[name], expected, strict=True)
        if got != want
    ]
    if differences:
        answered = "\n".join(f"{name!r}: {tuple(cells)!r}," for name, cells in actual.items())
        pytest.fail("\n".join(differences) + "\n\nWhat the code answers:\n" + answered)


#: the roles every rules test walks
RULE_ROLES = (
    "anonymous",
    "citizen",
    "author",
    "editor",
    "moderator",
    "pqr_dependency",  # official of the case's dependency
    "pqr_elsewhere",  # official of another dependency only
    "pqr_all",  # official who sees every case (ventanilla única)
    "pqr_no_profile",  # in the group, without an officer profile
    "control",
    "superuser",
)


@pytest.fixture
def rule_users(make_user, demo_site):
    """``users`` (role -> user, AnonymousUser for the visitor) and the two
    dependencies: ``dependency`` (the PQRSD official's) and ``elsewhere``."""
    from django.contrib.auth.models import AnonymousUser

    from wagtail.models import Locale

    from cms.models import Dependency
    from pqr.models import OfficerProfile

    locale = Locale.objects.get(language_code="es")
    dependency, elsewhere = (
        Dependency.objects.create(name=f"Dependencia regla {n}", slug=f"regla-{n}", locale=locale)
        for n in (1, 2)
    )
    users = {"anonymous": AnonymousUser(), "citizen": make_user("ciudadano@reglas.example")}
    for role in ("author", "editor", "moderator", "control"):
        users[role] = make_user(f"{role}@reglas.example", groups=GROUPS[role])
    officials = {"pqr_dependency": [dependency], "pqr_elsewhere": [elsewhere], "pqr_all": []}
    for role, dependencies in officials.items():
        users[role] = make_user(f"{role}@reglas.example", groups=[PQR_OFFICERS])
        profile = OfficerProfile.objects.create(user=users[role], sees_all=role == "pqr_all")
        profile.dependencies.set(dependencies)
    users["pqr_no_profile"] = make_user("pqr_no_profile@reglas.example", groups=[PQR_OFFICERS])
    users["superuser"] = make_user("admin@reglas.example", is_superuser=True, is_staff=True)
    assert set(users) == set(RULE_ROLES)
    return SimpleNamespace(users=users, dependency=dependency, elsewhere=elsewhere)


def check_rules(table, ask):
    """``table``: predicate name -> expected result per role of ``RULE_ROLES``;
    ``ask(name, user)`` evaluates it. Fails listing every differing cell."""
    differences = []
    for name, expected in table.items():
        for role, want in zip(RULE_ROLES, expected, strict=True):
            got = ask(name, role)
            if got is not want:
                differences.append(f"{name}: {role} got {got!r}, table says {want!r}")
    if differences:
        pytest.fail("\n".join(differences))
