"""Role by view for search: the status each role of the README's roles table gets from the
search page, its suggestions and the admin report (harness and cell notation:
tests/role_matrix.py)."""

from django.urls import reverse

import pytest

from search.models import Synonym
from tests.role_matrix import ADMIN_DENIED, ALL_200, check_matrix, snippet

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

#: Wagtail's own views behind this app's role decisions (admin snippets, documents,
#: collections; pages of the app's types), keyed by a description
EDITORS_ONLY = (*ADMIN_DENIED[:3], "200", "302:admin", "302:admin", "302:admin", "200")
WAGTAIL_ROWS = {
    "search synonyms: list": (snippet("search_synonym", "list"), EDITORS_ONLY),
    "search synonyms: add": (snippet("search_synonym", "add"), EDITORS_ONLY),
    "search synonyms: edit": (
        lambda d: reverse(
            "wagtailsnippets_search_synonym:edit", args=[Synonym.objects.get(term="pqrs").pk]
        ),
        EDITORS_ONLY,
    ),
}


@pytest.mark.engine_neutral
def test_each_role_gets_what_the_roles_table_says(client, role_users, role_demo):
    """Every cell is checked; all differences are reported at once."""
    check_matrix(client, role_users, role_demo, {**MATRIX, **WAGTAIL_ROWS})
