"""The editors' report of popular searches and searches without results."""

from wagtail.contrib.search_promotions.models import Query

import pytest

from search.models import NoResultDailyHits

pytestmark = pytest.mark.django_db

URL = "/admin/reports/busquedas/"


@pytest.fixture
def logged_queries(db):
    popular = Query.get("impuesto predial")
    for _ in range(3):
        popular.add_hit()
    missing = Query.get("licencia de perros")
    missing.add_hit()
    NoResultDailyHits.add_hit(missing)


@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_editors_and_superusers_see_the_report(client, request, logged_queries, who):
    """Editors and superusers see popular searches and searches without results."""
    client.force_login(request.getfixturevalue(who))
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "impuesto predial" in html and "licencia de perros" in html


@pytest.mark.parametrize("who", ["author", "moderator"])
def test_other_staff_cannot_see_the_report(client, request, logged_queries, who):
    """Authors and moderators are sent back to the dashboard (302 to /admin/), as the
    role matrix says for staff without the right."""
    client.force_login(request.getfixturevalue(who))
    response = client.get(URL)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "licencia de perros" not in client.get(URL).content.decode()


def test_citizens_and_anonymous_cannot_see_the_report(client, citizen, logged_queries):
    """Anonymous visitors and citizens are sent to sign in, never shown the data."""
    response = client.get(URL)
    assert response.status_code == 302
    client.force_login(citizen)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert "licencia de perros" not in response.content.decode()


def test_report_menu_item_only_for_editors(client, editor, author):
    """The Reports menu lists the search report for editors, not for authors."""
    from django.test import RequestFactory

    from search.wagtail_hooks import register_search_report_menu_item

    item = register_search_report_menu_item()
    request = RequestFactory().get("/admin/")
    request.user = editor
    assert item.is_shown(request)
    request.user = author
    assert not item.is_shown(request)


def test_report_period_is_validated(client, superuser):
    """An invalid period falls back to 30 days."""
    client.force_login(superuser)
    response = client.get(URL, {"days": "abc"})
    assert response.status_code == 200
    assert response.context["days"] == 30
