"""The results page: highlighting, sections, type and year filters, pagination, editors'
picks, the no-results help, recorded queries and bounded query counts."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page

import pytest

from search.models import NoResultDailyHits

from .helpers import result_titles, search

pytestmark = pytest.mark.django_db


def test_excerpt_highlights_matches_and_escapes_text(client, make_page):
    """The excerpt marks the matching words with <mark> and escapes the page's text."""
    make_page("Licencias", introduction="Trámites de <b>licencia</b> & permisos <3.")
    response = search(client, "tramite")
    html = response.content.decode()
    assert "<mark>Trámites</mark> de licencia &amp; permisos &lt;3." in html
    assert "<b>licencia</b>" not in html


def test_result_shows_its_section(client, make_page, section):
    """Each result names the top-level section it belongs to."""
    make_page("Seccionquintex detalle")
    html = search(client, "seccionquintex").content.decode()
    assert f"Sección: {section.title}" in html


def test_type_filter_and_facets(client, make_page, make_document):
    """Types come from the results found; filtering by one lists only that type."""
    make_page("Tipoquintex página")
    make_document("Tipoquintex documento")
    response = search(client, "tipoquintex")
    choices = response.context["form"].fields["type"].widget.choices
    values = [value for value, _label in choices]
    assert "home.standardpage" in values and "document" in values
    labels = " ".join(str(label) for _value, label in choices)
    assert "Página estándar" in labels and "estándars" not in labels
    assert sorted(result_titles(response)) == ["Tipoquintex documento", "Tipoquintex página"]
    assert result_titles(search(client, "tipoquintex", type="document")) == [
        "Tipoquintex documento"
    ]
    assert result_titles(search(client, "tipoquintex", type="home.standardpage")) == [
        "Tipoquintex página"
    ]


def test_year_filter(client, make_page):
    """The year filter keeps the pages first published that year."""
    old = make_page("Anioquintex antiguo")
    old.first_published_at = datetime.datetime(2015, 3, 1, tzinfo=datetime.UTC)
    old.save(update_fields=["first_published_at"])
    make_page("Anioquintex reciente")
    this_year = timezone.localdate().year
    assert result_titles(search(client, "anioquintex", year="2015")) == ["Anioquintex antiguo"]
    assert result_titles(search(client, "anioquintex", year=str(this_year))) == [
        "Anioquintex reciente"
    ]


def test_dependency_filter_keeps_results_filed_under_that_dependency(client, es_home):
    """The dependency filter keeps the news items filed under the chosen secretaría
    (real NewsPage.dependency links, so the choice is validated like a citizen's)."""
    from cms.models import Dependency
    from home.models import NewsIndexPage, NewsPage

    newsroom = NewsIndexPage.objects.live().descendant_of(es_home).first()
    mine, other = Dependency.objects.filter(locale=es_home.locale)[:2]
    for title, dependency in (
        ("Dependenciaquintex propia", mine),
        ("Dependenciaquintex ajena", other),
    ):
        item = NewsPage(title=title, slug=slugify(title), dependency=dependency)
        newsroom.add_child(instance=item)
        item.save_revision().publish()
    assert sorted(result_titles(search(client, "dependenciaquintex"))) == [
        "Dependenciaquintex ajena",
        "Dependenciaquintex propia",
    ]
    response = search(client, "dependenciaquintex", dependency=str(mine.pk))
    assert result_titles(response) == ["Dependenciaquintex propia"]


def test_pagination(client, make_page):
    """Results come ten per page, with a link to the next page that keeps the query."""
    for number in range(12):
        make_page(f"Paginaquintex {number}")
    first = search(client, "paginaquintex")
    assert len(first.context["hits"]) == 10
    assert "q=paginaquintex&amp;page=2" in first.content.decode()
    second = search(client, "paginaquintex", page="2")
    assert len(second.context["hits"]) == 2


def test_pages_then_documents_paginate_together(client, make_page, make_document):
    """Pages and documents form one list across results pages."""
    for number in range(8):
        make_page(f"Mixtoquintex página {number}")
    for number in range(5):
        make_document(f"Mixtoquintex documento {number}")
    first, second = search(client, "mixtoquintex"), search(client, "mixtoquintex", page="2")
    titles = result_titles(first) + result_titles(second)
    assert len(titles) == 13 and len(set(titles)) == 13


def test_editors_pick_is_shown_first(client, make_page):
    """A promoted page is listed under "Recomendado" for its query."""
    page = make_page("Buzón de peticiones")
    SearchPromotion.objects.create(query=Query.get("PQR"), page=page, description="Radique aquí.")
    html = search(client, "pqr").content.decode()
    assert "Recomendado" in html and "Buzón de peticiones" in html and "Radique aquí." in html


def test_no_results_page_offers_help(client, demo_site, make_page):
    """With no results the page suggests popular searches, trámites and the PQRSD form."""
    page = make_page("Predial")
    SearchPromotion.objects.create(query=Query.get("impuesto predial"), page=page)
    response = search(client, "xyzzyinexistente")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["total"] == 0
    assert "No encontramos nada" in html
    assert "impuesto predial" in html
    procedures = Page.objects.get(slug="tramites-y-servicios", locale__language_code="es")
    assert f'href="{procedures.url}"' in html
    assert 'href="/es/atencion-ciudadania/pqrsd/"' in html


def test_queries_are_recorded_with_and_without_results(client, make_page):
    """Every query counts a daily hit; empty ones also count as "without results"."""
    make_page("Registroquintex")
    search(client, "Registroquintex")
    search(client, "nadaquintex")
    search(client, "nadaquintex")
    assert QueryDailyHits.objects.get(query__query_string="registroquintex").hits == 1
    assert NoResultDailyHits.objects.get(query__query_string="nadaquintex").hits == 2
    assert not NoResultDailyHits.objects.filter(query__query_string="registroquintex").exists()


def test_filtered_and_later_pages_are_not_recorded(client, make_page):
    """Changing a filter or the page does not count the query again."""
    for number in range(11):
        make_page(f"Filtroquintex {number}")
    search(client, "filtroquintex", type="document")
    search(client, "filtroquintex", page="2")
    assert not Query.objects.filter(query_string="filtroquintex").exists()


@pytest.mark.parametrize("count", [5, 200])
def test_query_count_is_bounded(
    client, make_page, make_document, django_assert_max_num_queries, count
):
    """A results page costs the same number of queries with 5 or 200 matches."""
    for number in range(count):
        make_page(f"Cuentaquintex {number}", introduction="Texto de prueba.")
    for number in range(min(count, 20)):
        make_document(f"Cuentaquintex documento {number}", tags=["cuenta"])
    search(client, "cuentaquintex")  # warm caches (site root paths, settings)
    with django_assert_max_num_queries(40):
        response = search(client, "cuentaquintex")
    assert response.status_code == 200


def test_suggestions_list_public_titles_of_the_language(client, make_page, en_home):
    """The JSON suggestions give titles and URLs of public pages in this language."""
    from wagtail.models import PageViewRestriction

    make_page("Sugerenciaquintex pública")
    private = make_page("Sugerenciaquintex privada")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    make_page("Sugerenciaquintex English", parent=en_home)
    data = client.get("/es/buscar/sugerencias/", {"q": "sugerenciaqu"}).json()
    assert [item["title"] for item in data["results"]] == ["Sugerenciaquintex pública"]
    assert data["results"][0]["url"].startswith("/es/")


def test_short_suggestion_query_returns_nothing(client, demo_site):
    """Fewer than three characters give an empty list (no full scan)."""
    assert client.get("/es/buscar/sugerencias/", {"q": "a"}).json() == {"results": []}
