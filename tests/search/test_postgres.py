"""The matching tests again on PostgreSQL (full-text search with the Spanish, accent-free
configuration): run with ``TEST_DATABASE_URL=postgres://... pytest tests/search -m postgres``.

Importing the tests here collects them a second time under this module's marker."""

from django.db import connection

import pytest

from .test_matching import (  # noqa: F401
    test_accent_case_and_plural_variants_find_the_same_page,
    test_documents_are_found_by_title_and_tags,
    test_english_results_come_from_the_english_tree,
    test_norm_number_and_year_find_the_norm,
    test_number_does_not_match_other_numbers,
    test_words_in_the_body_are_found,
)
from .test_ranking import (  # noqa: F401
    test_a_misspelt_query_shows_the_corrected_results,
    test_an_editors_synonym_expands_the_query_at_once,
    test_issue_queries_rank_the_page_first,
    test_pqrs_finds_the_pqrsd_trámite,
)
from .test_relevance import test_citizen_queries_find_the_expected_page  # noqa: F401
from .test_visibility import (  # noqa: F401
    test_draft_page_never_appears,
    test_private_page_never_appears,
    test_unpublished_changes_are_not_searchable,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_spanish_unaccent_configuration_exists():
    """The search app's migration created the accent-free Spanish configuration."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('spanish_unaccent', 'Trámites de licencias')::text")
        vector = cursor.fetchone()[0]
    assert "'tramit'" in vector and "'licenci'" in vector


def test_search_filter_can_use_the_title_body_index(demo_site):
    """Wagtail's backend filters on ``(title || body) @@ query``, and that expression is
    answered by the GIN index of search/migrations/0003 (sequential scans disabled so
    the tiny test table does not hide it)."""
    from wagtail.models import Locale

    from search.engine import SiteSearch

    search = SiteSearch("licencia", Locale.objects.get(language_code="es"))
    sql, params = search.page_results.get_queryset().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        page_plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('spanish_unaccent', 'licencia')"
        )
        index_plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "(title || body) @@" in page_plan
    assert "search_indexentry_title_body_gin" in index_plan
