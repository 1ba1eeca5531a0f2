"""The search cache: repeated searches skip the full-text queries, yet new content shows
at once and content that stops being public never appears, even from a stale entry."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from .helpers import result_titles, search

pytestmark = pytest.mark.django_db


def index_queries(queries):
    return [query["sql"] for query in queries if "indexentry" in query["sql"].lower()]


def test_repeated_search_is_served_from_the_cache(client, make_page, make_document):
    """The second identical search runs no full-text query and shows the same results."""
    make_page("Cachequintex de licencias")
    make_document("Cachequintex documento")
    first = search(client, "cachequintex")
    with CaptureQueriesContext(connection) as queries:
        second = search(client, "cachequintex")
    assert sorted(result_titles(second)) == sorted(result_titles(first))
    assert sorted(result_titles(second)) == ["Cachequintex de licencias", "Cachequintex documento"]
    assert second.context["total"] == 2
    assert index_queries(queries) == []


def test_other_filters_and_pages_are_cached_separately(client, make_page):
    """A type filter or another results page is not answered with the cached first page."""
    for number in range(12):
        make_page(f"Paginaquintex {number:02d}")
    first = result_titles(search(client, "paginaquintex"))
    second = result_titles(search(client, "paginaquintex", page=2))
    assert len(first) == 10 and len(second) == 2
    assert not set(first) & set(second)
    assert result_titles(search(client, "paginaquintex", type="document")) == []


def test_new_page_appears_at_once_in_a_cached_search(client, make_page):
    make_page("Novedadquintex uno")
    assert result_titles(search(client, "novedadquintex")) == ["Novedadquintex uno"]
    make_page("Novedadquintex dos")
    response = search(client, "novedadquintex")
    assert sorted(result_titles(response)) == ["Novedadquintex dos", "Novedadquintex uno"]
    assert response.context["total"] == 2


def test_unpublished_page_disappears_at_once(client, make_page):
    page = make_page("Retiradaquintex")
    assert result_titles(search(client, "retiradaquintex")) == ["Retiradaquintex"]
    page.unpublish()
    response = search(client, "retiradaquintex")
    assert result_titles(response) == []
    assert response.context["total"] == 0


def test_page_made_private_never_appears_even_from_a_stale_entry(client, make_page):
    """Written without signals (so the cache is not told), a view restriction still hides
    the page: cached references are loaded again through the visibility filters."""
    page = make_page("Ocultaquintex reservada")
    assert result_titles(search(client, "ocultaquintex")) == ["Ocultaquintex reservada"]
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=page, restriction_type="password", password="clave-secreta")]
    )
    response = search(client, "ocultaquintex")
    assert result_titles(response) == []
    assert "Ocultaquintex" not in response.content.decode()


def test_cache_can_be_turned_off(client, make_page, settings):
    settings.SEARCH_CACHE_SECONDS = 0
    make_page("Frescoquintex")
    search(client, "frescoquintex")
    with CaptureQueriesContext(connection) as queries:
        response = search(client, "frescoquintex")
    assert result_titles(response) == ["Frescoquintex"]
    assert index_queries(queries) != []


def test_tables_stay_cached_when_the_results_cache_is_off(client, make_page, settings):
    """SEARCH_CACHE_SECONDS = 0 (what `BENCH_SEARCH_CACHE=0` measures): every search
    reads the index again, but not the synonyms, which every search reads; a new
    synonym still shows at once."""
    from search.models import Synonym

    settings.SEARCH_CACHE_SECONDS = 0
    make_page("Tablaquintex")
    search(client, "tablaquintex")
    with CaptureQueriesContext(connection) as queries:
        search(client, "tablaquintex")
    assert index_queries(queries) != []
    assert not [q for q in queries.captured_queries if "search_synonym" in q["sql"]]
    Synonym.objects.create(term="sinonimoquintex", alternatives="tablaquintex")
    assert result_titles(search(client, "sinonimoquintex")) == ["Tablaquintex"]


def test_hits_are_still_counted_after_the_query_log_is_cleaned(client, make_page):
    """The remembered id of a logged query may point at a deleted row: the hit is then
    logged on a new row, not lost."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    make_page("Registroquintex")
    search(client, "registroquintex")
    search(client, "registroquintex")
    assert QueryDailyHits.objects.get(query__query_string="registroquintex").hits == 2
    Query.objects.filter(query_string="registroquintex").delete()
    search(client, "registroquintex")
    assert QueryDailyHits.objects.get(query__query_string="registroquintex").hits == 1
