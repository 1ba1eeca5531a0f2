"""Role by view for transparency: the status each role of the README's roles table gets
from the transparency snippets in the admin and a transparency page (harness and cell
notation: tests/role_matrix.py)."""

from django.urls import reverse

import pytest

from tests.role_matrix import ADMIN_DENIED, ALL_200, check_matrix, snippet

pytestmark = pytest.mark.django_db

#: route of tests/url_inventory.py -> (sample URL from the demo, expected cell per role)
MATRIX = {}

#: Wagtail's own views behind this app's role decisions (admin snippets, documents,
#: collections; pages of the app's types), keyed by a description
WAGTAIL_ROWS = {
    "transparency page": (lambda d: d.transparency_page.url, ALL_200),
    "transparency snippets: list": (
        snippet("cms_dependency", "list"),
        (*ADMIN_DENIED[:2], "200", "200", "302:admin", "302:admin", "302:admin", "200"),
    ),
    "transparency snippets: add": (
        snippet("cms_dependency", "add"),
        (*ADMIN_DENIED[:3], "200", "302:admin", "302:admin", "302:admin", "200"),
    ),
    "transparency snippets: edit": (
        lambda d: reverse("wagtailsnippets_cms_dependency:edit", args=[d.dependency.pk]),
        (*ADMIN_DENIED[:3], "200", "302:admin", "302:admin", "302:admin", "200"),
    ),
}


def test_each_role_gets_what_the_roles_table_says(client, role_users, role_demo):
    """Every cell is checked; all differences are reported at once."""
    check_matrix(client, role_users, role_demo, {**MATRIX, **WAGTAIL_ROWS})
