"""Spanish-aware matching: accents, case, plurals, norm numbers, documents, languages.

These tests run on SQLite in the default pass; test_postgres.py runs them again on
PostgreSQL."""

import pytest

from .helpers import result_titles, search

pytestmark = pytest.mark.django_db

PROCEDURE = "Trámite de licencia de construcción"


@pytest.mark.parametrize(
    "query",
    [
        "trámite",
        "tramite",
        "TRAMITE",
        "Trámites",
        "licencias",
        "LICENCIA",
        "construccion",
        "construcciones",
        "tramite licencia construccion",
    ],
)
def test_accent_case_and_plural_variants_find_the_same_page(client, make_page, query):
    """Accent, case and plural variants of the words all find the same page."""
    make_page(PROCEDURE, introduction="Requisitos para construir en Soacha.")
    response = search(client, query)
    assert response.status_code == 200
    assert PROCEDURE in result_titles(response)


def test_words_in_the_body_are_found(client, make_page):
    """Words only in a page's StreamField body are searched too."""
    make_page("Impuesto predial", body="Pague el impuesto con descuento por pronto pago.")
    assert "Impuesto predial" in result_titles(search(client, "descuentos"))


@pytest.mark.parametrize("query", ["Decreto 387 de 2009", "387", "decreto 387"])
def test_norm_number_and_year_find_the_norm(client, make_page, query):
    """A norm is found by its number alone and by "type number de year"."""
    make_page("Decreto 387 de 2009", introduction="Estrategia de Gobierno en Línea en Soacha.")
    assert "Decreto 387 de 2009" in result_titles(search(client, query))


def test_number_does_not_match_other_numbers(client, make_page):
    """ "387" does not find a norm numbered 388."""
    make_page("Decreto 388 de 2010")
    assert "Decreto 388 de 2010" not in result_titles(search(client, "387"))


def test_documents_are_found_by_title_and_tags(client, make_document):
    """Documents are found by words of their title and by their tags."""
    make_document("Plan de desarrollo municipal 2024-2027", tags=["planeación"])
    assert "Plan de desarrollo municipal 2024-2027" in result_titles(
        search(client, "desarrollo municipal")
    )
    assert "Plan de desarrollo municipal 2024-2027" in result_titles(search(client, "planeacion"))


def test_english_results_come_from_the_english_tree(client, make_page, en_home):
    """/en/ search lists English pages only; /es/ search lists Spanish pages only."""
    make_page("Quintaesencia municipal")
    make_page("Quintaesencia municipal (English)", parent=en_home)
    english = result_titles(search(client, "quintaesencia", lang="en"))
    spanish = result_titles(search(client, "quintaesencia"))
    assert english == ["Quintaesencia municipal (English)"]
    assert spanish == ["Quintaesencia municipal"]
