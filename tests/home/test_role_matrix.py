"""Role by view for home: the status each role of the README's roles table gets from the
site map and the news and event sub-routes (harness and cell notation:
tests/role_matrix.py)."""

import pytest

from tests.role_matrix import ALL_200, check_matrix

pytestmark = pytest.mark.django_db

#: route of tests/url_inventory.py -> (sample URL from the demo, expected cell per role)
MATRIX = {
    "<lang>/mapa-del-sitio/": (lambda d: "/es/mapa-del-sitio/", ALL_200),
    "<EventIndexPage>/": (lambda d: d.event_index.url, ALL_200),
    "<EventIndexPage>/ical/": (lambda d: d.event_index.url + "ical/", ALL_200),
    "<EventPage>/": (lambda d: d.event.url, ALL_200),
    "<EventPage>/ical/": (lambda d: d.event.url + "ical/", ALL_200),
    "<NewsIndexPage>/": (lambda d: d.news_index.url, ALL_200),
    "<NewsIndexPage>/rss/": (lambda d: d.news_index.url + "rss/", ALL_200),
    "<NewsIndexPage>/atom/": (lambda d: d.news_index.url + "atom/", ALL_200),
}


@pytest.mark.engine_neutral
def test_each_role_gets_what_the_roles_table_says(client, role_users, role_demo):
    """Every cell is checked; all differences are reported at once."""
    check_matrix(client, role_users, role_demo, MATRIX)
