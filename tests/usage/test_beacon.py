"""The beacon counts a view of a public page exactly once, and nothing else."""

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest

from usage.models import PageView

pytestmark = pytest.mark.django_db


def views(page):
    return sum(PageView.objects.filter(page=page).values_list("views", flat=True))


def test_a_view_counts_exactly_once(beacon, home_es):
    response = beacon(home_es.pk)
    assert response.status_code == 204
    assert response.content == b""
    row = PageView.objects.get(page=home_es)
    assert (row.day, row.views) == (timezone.localdate(), 1)
    assert not response.cookies, "the beacon sets no cookie"


def test_views_of_a_day_add_up_in_one_row(beacon, home_es, news_pages):
    for _ in range(3):
        beacon(home_es.pk)
    beacon(news_pages[0].pk)
    assert PageView.objects.get(page=home_es).views == 3
    assert PageView.objects.get(page=news_pages[0]).views == 1
    assert PageView.objects.count() == 2


def test_no_csrf_token_is_needed(home_es):
    client = Client(enforce_csrf_checks=True, HTTP_USER_AGENT="Mozilla/5.0 Firefox/133.0")
    response = client.post(reverse("usage_beacon:view"), {"page": home_es.pk})
    assert response.status_code == 204
    assert views(home_es) == 1


def test_one_write_per_view(beacon, home_es, django_assert_max_num_queries):
    """The page check (Wagtail's live().public(): two queries) and the one upsert."""
    beacon(home_es.pk)
    with django_assert_max_num_queries(3):
        assert beacon(home_es.pk).status_code == 204
    assert views(home_es) == 2


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
        "curl/8.5.0",
        "python-requests/2.32",
        "",
        None,
    ],
)
def test_bots_are_not_counted(beacon, home_es, agent):
    assert beacon(home_es.pk, agent=agent).status_code == 204
    assert views(home_es) == 0


@pytest.mark.parametrize("header", ["HTTP_SEC_GPC", "HTTP_DNT"])
def test_visitors_who_ask_not_to_be_tracked_are_not_counted(beacon, home_es, header):
    assert beacon(home_es.pk, **{header: "1"}).status_code == 204
    assert views(home_es) == 0
    assert beacon(home_es.pk, **{header: "0"}).status_code == 204
    assert views(home_es) == 1


def test_unknown_and_root_pages_are_not_counted(beacon):
    unknown = (Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    root = Page.objects.get(depth=1)
    assert beacon(unknown).status_code == 204
    assert beacon(root.pk).status_code == 204
    assert not PageView.objects.exists()


def test_unpublished_pages_are_not_counted(beacon, news_pages):
    page = news_pages[0]
    page.unpublish()
    assert beacon(page.pk).status_code == 204
    assert views(page) == 0


@pytest.mark.parametrize(
    "restriction_type", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN]
)
def test_restricted_pages_and_their_children_are_not_counted(beacon, home_es, restriction_type):
    section = home_es.get_children().live().filter(numchild__gt=0).first()
    child = section.get_children().live().first()
    PageViewRestriction.objects.create(
        page=section, restriction_type=restriction_type, password="clave-secreta"
    )
    assert beacon(section.pk).status_code == 204
    assert beacon(child.pk).status_code == 204
    assert not PageView.objects.exists()
    beacon(home_es.pk)
    assert views(home_es) == 1, "pages outside the restriction still count"


@pytest.mark.parametrize(
    "data",
    [
        {"page": "abc"},
        {"page": "-1"},
        {"page": "0"},
        {"page": "1.5"},
        {"page": "99999999999999999999"},
        {"page": str(2**31)},
        {"page": "²"},
        {"page": "1\x00"},
        {"page": ""},
        {},
    ],
)
def test_bad_input_is_a_400_never_a_500(beacon, data):
    response = beacon(data=data)
    assert response.status_code == 400
    assert not PageView.objects.exists()


def test_an_empty_or_foreign_body_is_a_400(client, home_es):
    client.raise_request_exception = False
    url = reverse("usage_beacon:view")
    agent = {"HTTP_USER_AGENT": "Mozilla/5.0 Firefox/133.0"}
    assert client.post(url, "", content_type="text/plain", **agent).status_code == 400
    assert client.post(url, b"\xff\xfe", content_type="text/plain", **agent).status_code == 400
    payload = f'{{"page": {home_es.pk}}}'
    assert client.post(url, payload, content_type="application/json", **agent).status_code == 400
    assert not PageView.objects.exists()


@pytest.mark.parametrize("method", ["get", "head", "put", "delete"])
def test_only_post_is_accepted(client, home_es, method):
    url = reverse("usage_beacon:view") + f"?page={home_es.pk}"
    assert getattr(client, method)(url).status_code == 405
    assert not PageView.objects.exists()


def test_the_rate_limit_stops_counting_per_address(beacon, home_es, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "usage_beacon": "3/m"}
    statuses = [beacon(home_es.pk, REMOTE_ADDR="203.0.113.7").status_code for _ in range(5)]
    assert statuses == [204, 204, 204, 429, 429]
    assert views(home_es) == 3
    assert beacon(home_es.pk, REMOTE_ADDR="203.0.113.8").status_code == 204
    assert views(home_es) == 4


def test_nothing_about_the_visitor_is_stored():
    """The table holds the page, the day and the count: no address, user, agent,
    session or referrer column."""
    names = {field.name for field in PageView._meta.get_fields()}
    assert names == {"id", "page", "day", "views"}
    columns = {field.column for field in PageView._meta.concrete_fields}
    assert columns == {"id", "page_id", "day", "views"}


def test_with_counting_off_a_beacon_counts_nothing(beacon, home_es, settings):
    settings.USAGE_COUNTING = False
    response = beacon(home_es.pk)
    assert response.status_code == 204
    assert not PageView.objects.filter(page=home_es).exists()
