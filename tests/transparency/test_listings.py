"""Listings (norms, trámites, officials): filters and lookups work, bad input gives a
normal page with a clear message, and the SQL query count does not grow with the
number of items."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from cms.models import Dependency
from transparency.models import (
    DirectoryPage,
    NormIndexPage,
    NormPage,
    ProcedureIndexPage,
    ProcedurePage,
    PublicOfficial,
    TransparencyPage,
)

pytestmark = pytest.mark.django_db

LISTING_QUERY_BOUND = 16


def norms_url(demo_site):
    return NormIndexPage.objects.get(locale__language_code="es").url


def procedures_url():
    return ProcedureIndexPage.objects.get(locale__language_code="es").url


# Norms -----------------------------------------------------------------------------


def test_norms_are_listed_newest_first(client, demo_site):
    """The norms list starts with the most recently issued norm."""
    index = NormIndexPage.objects.get(locale__language_code="es")
    response = client.get(index.url)
    listed = list(response.context["page_obj"].object_list)
    dates = [norm.issue_date for norm in listed]
    assert dates == sorted(dates, reverse=True)
    assert len(listed) >= 15


@pytest.mark.parametrize("query", ["Decreto 387 de 2009", "decreto 387/2009", "387", "387 de 2009"])
def test_lookup_by_number(client, demo_site, query):
    """ "Decreto 387 de 2009" and its variants find exactly that decree."""
    response = client.get(norms_url(demo_site), {"q": query})
    listed = list(response.context["page_obj"].object_list)
    assert [norm.slug for norm in listed] == ["decreto-387-2009"]


def test_a_bare_year_finds_the_norms_of_that_year(client, demo_site):
    """ "2009" alone finds the norms numbered or issued in 2009."""
    response = client.get(norms_url(demo_site), {"q": "2009"})
    assert "decreto-387-2009" in [n.slug for n in response.context["page_obj"].object_list]


def test_lookup_by_words(client, demo_site):
    """Words search titles and epígrafes."""
    response = client.get(norms_url(demo_site), {"q": "Plan de Acción GEL-T"})
    assert [n.slug for n in response.context["page_obj"].object_list] == ["decreto-387-2009"]


def test_filter_norms_by_type_year_and_validity(client, demo_site):
    """Type, year and in-force filters combine."""
    url = norms_url(demo_site)
    listed = client.get(url, {"norm_type": "ley"}).context["page_obj"].object_list
    assert listed and all(norm.norm_type == "ley" for norm in listed)
    listed = client.get(url, {"year": "2025"}).context["page_obj"].object_list
    assert listed and all(norm.year == 2025 for norm in listed)
    listed = client.get(url, {"in_force": "no", "norm_type": "resolucion"}).context["page_obj"]
    assert [norm.slug for norm in listed.object_list] == ["resolucion-123-2016"]


def test_norm_search_fields_index_the_citation(demo_site):
    """The search index holds the number, the year and the "Decreto 387 de 2009" label."""
    from wagtail.search.backends import get_search_backend

    names = {field.field_name for field in NormPage.get_search_fields()}
    assert {"number", "year", "search_label", "epigraph"} <= names
    decree = NormPage.objects.get(slug="decreto-387-2009", locale__language_code="es")
    assert "Decreto 387 de 2009" in decree.search_label()
    assert "Decree 387 of 2009" in decree.search_label()
    results = get_search_backend().search("Decreto 387 de 2009", NormPage)
    assert decree.pk in [page.pk for page in results]


def test_site_search_finds_the_decree(client, demo_site):
    """The portal's search box finds Decreto 387 de 2009 by its citation."""
    html = client.get("/es/buscar/", {"q": "Decreto 387 de 2009"}).content.decode()
    assert "/es/transparencia/normatividad/decreto-387-2009/" in html


# Procedures --------------------------------------------------------------------------


def test_filter_procedures(client, demo_site):
    """Dependency, topic, audience and "available online" filter the catalogue."""
    url = procedures_url()
    hacienda = Dependency.objects.get(slug="direccion-rentas", locale__language_code="es")
    listed = client.get(url, {"dependency": hacienda.pk}).context["page_obj"].object_list
    assert listed and all(p.responsible_dependency_id == hacienda.pk for p in listed)
    listed = client.get(url, {"topic": "salud"}).context["page_obj"].object_list
    assert listed and all(p.topic == "salud" for p in listed)
    listed = client.get(url, {"audience": "ninos"}).context["page_obj"].object_list
    slugs = {p.slug for p in listed}
    assert "matricula-escolar" in slugs and "pago-impuesto-predial" not in slugs
    listed = client.get(url, {"online": "on"}).context["page_obj"].object_list
    assert listed and all(p.available_online for p in listed)


def test_procedures_filters_keep_the_query_in_pagination(client, demo_site):
    """With more results than a page, the next-page link keeps the filters."""
    html = client.get(procedures_url(), {"online": "on", "topic": ""}).content.decode()
    html_all = client.get(procedures_url()).content.decode()
    assert 'rel="next"' in html_all
    assert "?online=1&amp;page=2" in html or 'rel="next"' not in html


def test_pagination_keeps_a_search_with_spaces(client, demo_site):
    """The next-page link carries the search once encoded ("q=Secretar%C3%ADa+de"), not twice."""
    page = DirectoryPage.objects.get(directory="officials", locale__language_code="es")
    html = client.get(page.url, {"q": "a"}).content.decode()
    assert 'href="?q=a&amp;page=2"' in html
    menu = TransparencyPage.objects.get(locale__language_code="es")
    dependency = Dependency.objects.get(slug="secretaria-salud", locale=menu.locale)
    add_officials(dependency, 0, 30)
    html = client.get(page.url, {"q": "Servidora de"}).content.decode()
    assert 'href="?q=Servidora+de&amp;page=2"' in html
    second = client.get(page.url, {"q": "Servidora de", "page": "2"})
    assert len(second.context["page_obj"].object_list) == 10


# Bad input -----------------------------------------------------------------------------

BAD_INPUT = [
    ({"norm_type": "bula"}, "no es un valor válido"),
    ({"year": "abc"}, "no es un valor válido"),
    ({"page": "9999"}, "No existe la página 9999"),
    ({"page": "abc"}, "no es un número de página"),
    ({"page": "9" * 5000}, "no es un número de página"),
    ({"page": "-3"}, "Las páginas empiezan en 1"),
    ({"q": "x" * 5000}, "solo se usaron sus primeros 200 caracteres"),
    ({"in_force": "tal vez"}, "no es un valor válido"),
    ({"dependency": "abc"}, "no es un valor válido"),
    ({"dependency": "999999999"}, "no es un valor válido"),
    ({"topic": "<script>"}, "no es un valor válido"),
    ({"audience": "marcianos"}, "no es un valor válido"),
]


@pytest.mark.parametrize("params,message", BAD_INPUT, ids=lambda v: str(v)[:30])
@pytest.mark.parametrize("listing", ["norms", "procedures", "officials"])
def test_bad_input_gives_a_normal_page_with_a_message(client, demo_site, listing, params, message):
    """Unknown values, non-numbers, huge pages and huge queries: 200 and a clear notice."""
    if listing == "norms":
        url = norms_url(demo_site)
    elif listing == "procedures":
        url = procedures_url()
    else:
        url = DirectoryPage.objects.get(directory="officials", locale__language_code="es").url
    response = client.get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    field = next(iter(params))
    known = {
        "norms": {"norm_type", "year", "in_force", "q", "page"},
        "procedures": {"dependency", "topic", "audience", "q", "page"},
        "officials": {"dependency", "q", "page"},
    }[listing]
    if field in known:
        assert message in html
        assert 'class="notices" role="status"' in html
    assert "<script>" not in html.split('<main id="contenido"')[1]


def test_english_notice(client, demo_site):
    """The notices are translated."""
    url = NormIndexPage.objects.get(locale__language_code="en").url
    html = client.get(url, {"year": "abc"}).content.decode()
    assert "is not a valid value for" in html


# Query counts ----------------------------------------------------------------------------


def add_procedures(index, dependency, start, count):
    for number in range(start, start + count):
        index.add_child(
            instance=ProcedurePage(
                title=f"Trámite de prueba {number}",
                slug=f"tramite-prueba-{number}",
                purpose="Un trámite de prueba.",
                who_may_request="Cualquier persona.",
                requirements="<p>Ninguno.</p>",
                cost="Gratuito",
                time_limit="15 días hábiles",
                responsible_dependency=dependency,
                topic="gobierno",
                online_level="transaccion",
            )
        )


def add_norms(index, start, count):
    for number in range(start, start + count):
        index.add_child(
            instance=NormPage(
                title=f"Resolución {number} de 2026",
                slug=f"resolucion-{number}-2026",
                norm_type="resolucion",
                number=str(number),
                year=2026,
                issue_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number % 300),
                issuer="Secretaría General",
                epigraph="Resolución de prueba.",
            )
        )


def add_officials(dependency, start, count):
    PublicOfficial.objects.bulk_create(
        PublicOfficial(
            name=f"Servidora de prueba {number}",
            position="Profesional",
            dependency=dependency,
            locale=dependency.locale,
        )
        for number in range(start, start + count)
    )


def count_queries(client, url, params):
    cache.clear()  # every render cold, as the first visitor after a deploy sees it
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("listing", ["norms", "procedures", "officials"])
def test_listing_query_count_does_not_grow(
    client, demo_site, django_assert_max_num_queries, listing
):
    """The same listing with 5 and with 200 items renders within the same query bound,
    with exactly the same number of queries (filters on, second page)."""
    menu = TransparencyPage.objects.get(locale__language_code="es")
    dependency = Dependency.objects.get(slug="secretaria-general", locale=menu.locale)
    if listing == "norms":
        menu.add_child(instance=NormIndexPage(title="Normas de prueba", slug="normas-prueba"))
        index = NormIndexPage.objects.get(slug="normas-prueba")
        add = lambda start, count: add_norms(index, start, count)  # noqa: E731
        url, params = index.url, {"norm_type": "resolucion", "in_force": "yes"}
    elif listing == "procedures":
        menu.add_child(
            instance=ProcedureIndexPage(title="Trámites de prueba", slug="tramites-prueba")
        )
        index = ProcedureIndexPage.objects.get(slug="tramites-prueba")
        add = lambda start, count: add_procedures(index, dependency, start, count)  # noqa: E731
        url, params = index.url, {"online": "1", "dependency": dependency.pk}
    else:
        menu.add_child(
            instance=DirectoryPage(
                title="Directorio de prueba", slug="dir-prueba", directory="officials"
            )
        )
        index = DirectoryPage.objects.get(slug="dir-prueba")
        add = lambda start, count: add_officials(dependency, start, count)  # noqa: E731
        url, params = index.url, {"dependency": dependency.pk}

    add(0, 5)
    with django_assert_max_num_queries(LISTING_QUERY_BOUND):
        few = count_queries(client, url, params)
    add(5, 195)
    with django_assert_max_num_queries(LISTING_QUERY_BOUND):
        many = count_queries(client, url, params)
    with django_assert_max_num_queries(LISTING_QUERY_BOUND):
        second_page = count_queries(client, url, {**params, "page": 2})
    assert few == many == second_page
