"""Batched query log (search.hits): searches are counted in memory and written together,
one UPDATE per query and day, so no search waits for a hit-count write."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import QueryDailyHits

import pytest

from search import hits
from search.models import NoResultDailyHits

from .helpers import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def batched(settings):
    settings.SEARCH_HITS_FLUSH_SECONDS = 3600
    hits.flush()
    yield
    hits.flush()


def hit_writes(queries):
    return [
        query["sql"]
        for query in queries
        if "dailyhits" in query["sql"].lower() and not query["sql"].startswith("SELECT")
    ]


def test_searches_are_counted_in_one_write(client, make_page, batched):
    make_page("Lotequintex")
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            search(client, "lotequintex")
        search(client, "vacioquintex")
        search(client, "vacioquintex")
    assert hit_writes(queries) == []
    assert not QueryDailyHits.objects.filter(query__query_string="lotequintex").exists()
    hits.flush()
    assert QueryDailyHits.objects.get(query__query_string="lotequintex").hits == 3
    assert QueryDailyHits.objects.get(query__query_string="vacioquintex").hits == 2
    assert NoResultDailyHits.objects.get(query__query_string="vacioquintex").hits == 2
    assert not NoResultDailyHits.objects.filter(query__query_string="lotequintex").exists()
    search(client, "lotequintex")
    hits.flush()
    assert QueryDailyHits.objects.get(query__query_string="lotequintex").hits == 4


def test_a_full_batch_is_written_at_once(client, make_page, batched, monkeypatch):
    monkeypatch.setattr(hits, "MAX_PENDING", 2)
    search(client, "unoquintex")
    assert not QueryDailyHits.objects.filter(query__query_string="unoquintex").exists()
    search(client, "dosquintex")
    assert QueryDailyHits.objects.get(query__query_string="unoquintex").hits == 1
    assert QueryDailyHits.objects.get(query__query_string="dosquintex").hits == 1
