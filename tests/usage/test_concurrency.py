"""500 parallel beacons of one page on PostgreSQL count exactly 500 (the upsert is one
atomic statement: no lost update, no duplicate-key error)."""

import threading

from django.db import connection
from django.test import Client
from django.urls import reverse

from wagtail.models import Page

import pytest

from usage.models import PageView

from .conftest import BROWSER

BEACONS = 500
# PostgreSQL's default max_connections is 100: cap the requests in flight.
IN_FLIGHT = threading.BoundedSemaphore(50)


def _send(url, page_id, statuses, errors):
    with IN_FLIGHT:
        try:
            client = Client(raise_request_exception=False, HTTP_USER_AGENT=BROWSER)
            statuses.append(client.post(url, {"page": page_id}).status_code)
        except Exception as error:  # noqa: BLE001 - collect every failure for the assertion
            errors.append(repr(error))
        finally:
            connection.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_500_parallel_views_of_one_page_count_500(settings, demo_site):
    settings.RATELIMIT_ENABLE = False
    page = Page.objects.get(pk=demo_site.root_page_id)
    url = reverse("usage_beacon:view")
    statuses, errors = [], []
    threads = [
        threading.Thread(target=_send, args=(url, page.pk, statuses, errors))
        for _ in range(BEACONS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors[:3]
    assert statuses == [204] * BEACONS
    rows = list(PageView.objects.filter(page=page).values_list("views", flat=True))
    assert rows == [BEACONS]
