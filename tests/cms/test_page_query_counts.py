"""Every public page type renders in at most 12 SQL queries (issue 16), whatever the
length of its lists.

Measured as a warm worker serves a visitor whose page is in no cache: a first request
warms Wagtail's own caches (site root paths, content types), the second is counted,
anonymous, with the portal's cross-request caches of navigation and search switched
off (``NAVIGATION_CACHE_SECONDS = SEARCH_CACHE_SECONDS = SEARCH_TABLES_CACHE_SECONDS =
0``), so the bound is met by the queries themselves, never by a cached result."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, Page, get_page_models

import pytest

from home.models import NewsIndexPage, NewsPage, StandardPage

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12

#: one URL of every public page type of the demo (a routable page's sub-routes too)
PAGE_URLS = [
    "/{lang}/",
    "/{lang}/atencion-ciudadania/",
    "/{lang}/atencion-ciudadania/preguntas-frecuentes/",
    "/{lang}/atencion-ciudadania/glosario/",
    "/{lang}/atencion-ciudadania/ninos-y-ninas/",
    "/{lang}/atencion-ciudadania/grupos-de-interes/ninos-ninas-y-adolescentes/",
    "/{lang}/participa/",
    "/{lang}/participa/debates/",
    "/{lang}/participa/consultas/",
    "/{lang}/participa/consultas/presupuesto-participativo/",
    "/{lang}/participa/consultas/presupuesto-participativo/matriz/",
    "/{lang}/participa/debates/movilidad-autopista-sur/",
    "/{lang}/participa/debates/movilidad-autopista-sur/resultados/",
    "/{lang}/participa/consultas/presupuesto-participativo/resultados/",
    "/{lang}/participa/encuestas/",
    "/{lang}/participa/encuestas/encuesta-portal-web/",
    "/{lang}/participa/encuestas/encuesta-portal-web/gracias/",
    "/{lang}/participa/encuestas/encuesta-portal-web/resultados/",
    "/{lang}/noticias/actualidad/",
    "/{lang}/noticias/actualidad/rss/",
    "/{lang}/noticias/actualidad/atom/",
    "/{lang}/noticias/actualidad/jornada-de-vacunacion-en-compartir/",
    "/{lang}/noticias/agenda/",
    "/{lang}/noticias/agenda/ical/",
    "/{lang}/noticias/agenda/audiencia-presupuesto-participativo/",
    "/{lang}/noticias/agenda/audiencia-presupuesto-participativo/ical/",
    "/{lang}/transparencia/",
    "/{lang}/transparencia/mision-vision-funciones/",
    "/{lang}/transparencia/organigrama/",
    "/{lang}/transparencia/sedes-y-horarios/",
    "/{lang}/transparencia/procesos-y-procedimientos/",
    "/{lang}/transparencia/directorio-de-servidores/",
    "/{lang}/transparencia/normatividad/",
    "/{lang}/transparencia/normatividad/decreto-387-2009/",
    "/{lang}/transparencia/tramites-y-servicios/",
    "/{lang}/transparencia/tramites-y-servicios/pago-impuesto-predial/",
    "/{lang}/transparencia/presupuesto/",
    "/{lang}/transparencia/presupuesto/vigencia-2025/",
    "/{lang}/transparencia/contratacion/",
    "/{lang}/transparencia/plan-de-desarrollo/",
    "/{lang}/transparencia/plan-de-desarrollo/educacion-de-calidad/",
    "/{lang}/transparencia/metas-e-indicadores/",
]

#: the public views that are not pages
VIEW_URLS = [
    "/{lang}/buscar/",
    "/{lang}/buscar/sugerencias/?q=trans",
    "/{lang}/pqrsd/",
    "/{lang}/pqrsd/consulta/",
    "/{lang}/pqrsd/respuestas-anonimas/",
    "/{lang}/pqrsd/estadisticas/?year=2026",
    "/{lang}/mapa-del-sitio/",
    "/{lang}/suscripciones/",
    "/{lang}/suscripciones/atom/news/",
    "/{lang}/gobierno-en-linea/plan-de-accion/",
    "/{lang}/gobierno-en-linea/autoevaluacion/",  # 93 live checks, incl. online forms
    "/{lang}/estadisticas-de-uso/",
    "/{lang}/politica-de-datos/",
    "/{lang}/politica-de-datos/version-1/",
    "/{lang}/participacion/certificados/verificar/",
    "/{lang}/cuentas/login/",
    "/{lang}/cuentas/signup/",
    "/sitemap.xml",
]


@pytest.fixture
def uncached(settings):
    """Also the production-like batching of the search hits (search.hits): a search's
    hit is written with others, not on its own request (tests/search/test_hits.py
    checks that the hits are written)."""
    from search import hits

    settings.NAVIGATION_CACHE_SECONDS = 0
    settings.SEARCH_CACHE_SECONDS = 0
    settings.SEARCH_TABLES_CACHE_SECONDS = 0
    settings.RATELIMIT_ENABLE = False
    settings.SEARCH_HITS_FLUSH_SECONDS = 3600
    hits.flush()
    yield
    hits.flush()


def count_queries(client, url):
    """The queries of the second anonymous render of ``url`` (the first warms Wagtail)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def urls(templates):
    found = []
    for template in templates:
        found += [template.format(lang=lang) for lang in ("es", "en")]
    return list(dict.fromkeys(found))


#: searches, counted on PostgreSQL: the production engine reads the counts, facets and
#: ranking candidates in one statement (search.engine.SiteSearch.page_matches), which
#: SQLite's search backend (``make run``) cannot, so it takes a few queries more
SEARCH_URLS = [
    "/{lang}/buscar/?q=tramite+licencias",  # nothing found (English corrects it too)
    "/{lang}/buscar/?q=impuesto+predial",  # pages of several types, and documents
    "/{lang}/buscar/?q=decreto+387",  # a norm's number: the exact norm first
]


@pytest.mark.parametrize("url", urls(PAGE_URLS + VIEW_URLS))
def test_every_public_page_type_is_within_12_queries(client, demo_site, uncached, url):
    assert count_queries(client, url) <= MAX_QUERIES


@pytest.mark.postgres
@pytest.mark.parametrize("url", urls(SEARCH_URLS))
def test_searches_are_within_12_queries(client, demo_site, uncached, url):
    assert count_queries(client, url) <= MAX_QUERIES


@pytest.mark.postgres
def test_a_search_with_a_correction_is_within_12_queries(client, demo_site, uncached):
    """ "recidencia" finds nothing and is searched again as "residencia", which finds
    pages of several types: two statements more than a search (the titles' vocabulary
    and the corrected search). 33 queries before the per-request memo of the search,
    22 before the results were read with their indexed text in one query, 13 before
    the results' sections were read in that query too."""
    assert count_queries(client, "/es/buscar/?q=recidencia") <= MAX_QUERIES


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_consultation_section_is_within_12_queries(client, demo_site, uncached, lang):
    """A section's page (a sub-route of the consultation, its key a block id)."""
    from participation.models import ConsultationPage, DraftSection

    original = ConsultationPage.objects.get(
        slug="presupuesto-participativo", locale__language_code="es"
    )
    page = original.get_translation(Locale.objects.get_for_language(lang))
    key = DraftSection.objects.filter(page=original).values_list("key", flat=True).first()
    assert count_queries(client, f"{page.url}seccion/{key}/") <= MAX_QUERIES


def test_the_sitemap_can_skip_the_page_types_tables():
    """sitemap.xml makes its pages specific without reading their tables, which is
    right only while no page type changes what Wagtail puts in the sitemap."""
    for model in get_page_models():
        assert model.get_sitemap_urls is Page.get_sitemap_urls, model


def test_a_deep_page_costs_what_a_shallow_one_does(client, demo_site, uncached):
    """Routing reads the pages along the URL in one query and the breadcrumbs come
    from it: a standard page six levels further down costs the same as a shallow one."""
    parent = StandardPage.objects.get(slug="atencion-ciudadania", locale__language_code="es")
    shallow = parent.add_child(instance=StandardPage(title="Hoja", slug="hoja"))
    deep = parent
    for level in range(6):
        deep = deep.add_child(instance=StandardPage(title=f"Nivel {level}", slug=f"nivel-{level}"))
    assert deep.depth == shallow.depth + 5
    assert count_queries(client, deep.url) == count_queries(client, shallow.url) <= MAX_QUERIES
    html = client.get(deep.url).content.decode()
    assert '<a href="/es/atencion-ciudadania/nivel-0/nivel-1/">Nivel 1</a>' in html
    assert client.get(shallow.url + "no-existe/").status_code == 404


def test_a_private_page_is_still_refused(client, demo_site, uncached):
    """The view restrictions read for the whole request still guard the page served."""
    from wagtail.models import PageViewRestriction

    page = StandardPage.objects.get(slug="atencion-ciudadania", locale__language_code="es")
    child = page.get_children().live().first()
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    for url in (page.url, child.url):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]
    html = client.get("/es/").content.decode()
    menu = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert f'href="{page.url}"' not in menu


# Listings: the count does not grow with the list ---------------------------------------


def add_news(index, start, count):
    """Older than every demo news item, so the first pages show the same items (and
    images) however many are added: only the length of the list changes."""
    oldest = timezone.localdate() - datetime.timedelta(days=5000)
    for number in range(start, start + count):
        page = NewsPage(
            title=f"Noticia de prueba {number}",
            slug=f"noticia-prueba-{number}",
            date=oldest - datetime.timedelta(days=number),
            introduction="Texto de prueba.",
        )
        index.add_child(instance=page)


def add_sections(parent, start, count):
    for number in range(start, start + count):
        page = StandardPage(
            title=f"Sección de prueba {number}",
            slug=f"seccion-prueba-{number}",
            introduction=f"Introducción {number}.",
        )
        parent.add_child(instance=page)


@pytest.mark.parametrize(
    "listing", ["news", "subpages", "site_map", "sitemap_xml", "self_assessment"]
)
def test_listing_costs_the_same_with_few_and_many_items(client, demo_site, uncached, listing):
    index = NewsIndexPage.objects.get(slug="actualidad", locale__language_code="es")
    section = StandardPage.objects.get(slug="atencion-ciudadania", locale__language_code="es")
    if listing == "news":
        url, add = index.url, lambda start, count: add_news(index, start, count)
    elif listing == "subpages":
        url, add = section.url, lambda start, count: add_sections(section, start, count)
    elif listing == "site_map":
        url, add = "/es/mapa-del-sitio/", lambda start, count: add_sections(section, start, count)
    elif listing == "sitemap_xml":
        url, add = "/sitemap.xml", lambda start, count: add_news(index, start, count)
    else:  # the GEL checks read every live page
        url = "/es/gobierno-en-linea/autoevaluacion/"
        add = lambda start, count: add_sections(section, start, count)  # noqa: E731
    add(0, 2)
    few = count_queries(client, url)
    add(2, 25)
    many = count_queries(client, url)
    assert few == many <= MAX_QUERIES
    if listing == "news":  # the second page too
        assert count_queries(client, url + "?page=2") <= MAX_QUERIES


@pytest.mark.postgres
def test_search_costs_the_same_with_few_and_many_results(client, demo_site, uncached):
    """The results are read one page of results at a time: 2 or 27 matching pages
    (of one type) cost the same."""
    section = StandardPage.objects.get(slug="atencion-ciudadania", locale__language_code="es")
    url = "/es/buscar/?q=zorblatex"
    add = lambda start, count: [  # noqa: E731
        section.add_child(
            instance=StandardPage(title=f"Zorblatex {number}", slug=f"zorblatex-{number}")
        )
        for number in range(start, start + count)
    ]
    add(0, 2)
    response = client.get(url)
    assert response.context["total"] == 2
    few = count_queries(client, url)
    add(2, 25)
    response = client.get(url)
    assert response.context["total"] == 27
    many = count_queries(client, url)
    assert few == many <= MAX_QUERIES
