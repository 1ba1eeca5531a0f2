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
