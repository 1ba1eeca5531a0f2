"""The relevance rules (search.ranking), the editors' synonyms (search.synonyms) and
the misspelling fallback (search.spelling), one behaviour per test."""

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from search.models import Synonym
from search.ranking import NormReference, norm_reference, rerank, word_stem
from search.synonyms import DEFAULT_SYNONYMS, key

from .helpers import result_titles, search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("decreto 387", NormReference("387", "decreto")),
        ("Dec. 387 de 2009", NormReference("387", "decreto", 2009)),
        ("acuerdo 05", NormReference("5", "acuerdo")),
        ("Resolución No. 450 de 2025", NormReference("450", "resolucion", 2025)),
        ("decree 387 of 2009", NormReference("387", "decreto", 2009)),
        ("387", NormReference("387")),
        ("2009", None),
        ("acuerdo de pago", None),
        ("impuesto predial", None),
    ],
)
def test_norm_reference_reads_type_number_and_year(query, expected):
    assert norm_reference(query) == expected


def test_stems_join_verbs_and_nouns():
    assert word_stem("pagar") == word_stem("pago") == word_stem("pagos")


def test_rerank_puts_the_named_norm_then_title_matches_first():
    candidates = [
        (1, "Decreto 210 de 2025", 10),  # mentions decreto 387 in its body
        (2, "Glosario", 11),
        (3, "Decreto 387 de 2009", 10),
    ]
    assert rerank(candidates, ["decreto", "387"], [[], []], [], norm_matches=[3]) == [3, 1, 2]
    assert rerank(candidates, ["glosario"], [[]], []) == [2, 1, 3]


def test_rerank_puts_trámites_first_for_a_trámite_like_query():
    candidates = [(1, "Boletín del impuesto predial", 10), (2, "Impuesto predial", 20)]
    assert rerank(candidates, ["pagar", "predial"], [[], []], [], procedure_type_id=20) == [2, 1]
    # "predial" alone is not trámite-like: the database's order stays.
    assert rerank(candidates, ["predial"], [[]], [], procedure_type_id=20) == [1, 2]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("decreto 387", "Decreto 387 de 2009"),
        ("dec 387 de 2009", "Decreto 387 de 2009"),
        ("acuerdo 5", "Acuerdo 05 de 2021"),
        ("impuesto predial", "Impuesto predial unificado: liquidación y pago"),
        ("pagar predial", "Impuesto predial unificado: liquidación y pago"),
        ("certificado de residencia", "Certificado de residencia"),
    ],
)
def test_issue_queries_rank_the_page_first(client, demo_site, query, first):
    """The examples of the issue, on the demo content."""
    assert result_titles(search(client, query))[0] == first


def test_default_spanish_synonyms_are_seeded(demo_site):
    stored = dict(Synonym.objects.values_list("term", "alternatives"))
    for term, alternatives in DEFAULT_SYNONYMS.items():
        assert stored[key(term)] == alternatives


def test_pqrs_finds_the_pqrsd_trámite(client, demo_site):
    titles = result_titles(search(client, "pqrs"))
    assert "Peticiones, quejas, reclamos, sugerencias y denuncias (PQRSD)" in titles[:3]


def test_an_editors_synonym_expands_the_query_at_once(client, make_page):
    """A synonym saved after a search applies to the next search (no stale cache)."""
    make_page("Zumbarrazo municipal", introduction="Texto de prueba.")
    assert result_titles(search(client, "zbzq")) == []
    Synonym.objects.create(term="ZBZQ", alternatives="otra cosa, zumbarrazo")
    assert result_titles(search(client, "zbzq")) == ["Zumbarrazo municipal"]


def test_a_phrase_synonym_applies_to_the_whole_query(client, make_page):
    make_page("Programa Quintavera", introduction="Texto de prueba.")
    Synonym.objects.create(term="tercera quintedad", alternatives="quintavera")
    assert result_titles(search(client, "Tercera Quintedad")) == ["Programa Quintavera"]


def test_synonym_terms_are_stored_folded_and_validated():
    synonym = Synonym(term="  Derecho de QUINTÁRIO ", alternatives="pqrsd")
    synonym.full_clean()
    assert synonym.term == "derecho quintario"
    with pytest.raises(ValidationError) as error:
        Synonym(term="¿?", alternatives="pqrsd").full_clean()
    assert "term" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        Synonym(term="quintario", alternatives=" , ").full_clean()
    assert "alternatives" in error.value.message_dict


def test_a_misspelt_query_shows_the_corrected_results(client, make_page):
    """Nothing matches the words as typed: the closest title words are searched, the
    page says so, and the citizen's own words are logged as a search without results."""
    from search.models import NoResultDailyHits

    make_page("Certificado de residenciaquintex", introduction="Texto de prueba.")
    response = search(client, "certificado de recidenciaquintex")
    assert response.context["corrected_query"] == "certificado residenciaquintex"
    assert result_titles(response) == ["Certificado de residenciaquintex"]
    assert 'class="search-correction"' in response.content.decode()
    logged = NoResultDailyHits.objects.filter(
        query__query_string="certificado de recidenciaquintex"
    )
    assert logged.exists()


def test_a_query_without_correction_shows_the_empty_page(client, demo_site):
    response = search(client, "xqzwv")
    assert "corrected_query" not in response.context
    assert response.context["total"] == 0


def test_the_synonyms_snippet_is_registered():
    assert reverse("wagtailsnippets_search_synonym:list")


@pytest.mark.parametrize("query", ["²", "x² 387", "٣٨٧", "¹²³"])
def test_digits_that_are_not_plain_numbers_never_break_the_search(client, demo_site, query):
    """Superscripts are digits that int() refuses; Arabic-Indic numerals are decimals it
    accepts: both give a results page, never a 500."""
    assert client.get("/es/buscar/", {"q": query}).status_code == 200
