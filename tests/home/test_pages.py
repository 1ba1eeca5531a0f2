"""Public pages in both languages: home, sections, site map, sitemap.xml, robots.txt."""

from wagtail.models import Locale, Page

import pytest

from home.models import (
    AudiencePage,
    ChildrenPage,
    EventIndexPage,
    FaqPage,
    GlossaryPage,
    HomePage,
    NewsIndexPage,
    StandardPage,
)
from participation.models import ConsultationIndexPage, DebateIndexPage
from pqr.models import OnlineFormPage
from surveys.models import SurveyIndexPage, SurveyPage

pytestmark = pytest.mark.django_db


def test_root_redirects_to_spanish_by_default(client, demo_site):
    """`/` sends a browser with no language preference to the Spanish site."""
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_root_redirects_by_browser_language(client, demo_site):
    """`/` sends an English browser to /en/."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_spanish_home_page(client, demo_site):
    """The Spanish home shows the entity, the GOV.CO bar, the PQRSD entry and the footer."""
    response = client.get("/es/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es-CO">' in html
    assert 'href="https://www.gov.co"' in html
    assert "<h1" in html and html.count("<h1") == 1
    assert "Alcaldía de Soacha" in html
    assert "Calle 13 No. 7-30" in html
    assert "notificacionesjudiciales@alcaldiasoacha.gov.co" in html
    assert 'href="/es/pqrsd/"' in html  # Ley 1474 art. 76
    assert "Saltar al contenido principal" in html
    assert "Última actualización" in html
    assert 'href="/es/politica-de-privacidad/"' in html
    assert 'href="/es/mapa-del-sitio/"' in html


def test_english_home_page(client, demo_site):
    """The English home is the translation of the Spanish one, in English."""
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Soacha City Hall" in html
    assert "Skip to main content" in html
    assert "Last updated" in html
    assert 'href="/en/politica-de-privacidad/"' in html


@pytest.mark.parametrize("url", ["/es/", "/en/"])
def test_home_page_query_count_is_bounded(client, demo_site, django_assert_max_num_queries, url):
    """An uncached render (cold cache) of the home page takes at most 14 SQL queries
    (the navigation in one, plus one for the sections' cards and one for the
    renditions of every image the page shows), however many news, events and cards
    it lists."""
    with django_assert_max_num_queries(14):
        response = client.get(url)
    assert response.status_code == 200


def test_section_page_has_breadcrumbs_and_menu_state(client, demo_site):
    """A nested page shows breadcrumbs to home and marks its menu section."""
    response = client.get("/es/atencion-ciudadania/pqrsd/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-label="Ruta de navegación"' in html
    assert '<a href="/es/">Inicio</a>' in html
    assert '<a href="/es/atencion-ciudadania/">Atención y servicios a la ciudadanía</a>' in html
    assert 'href="/es/atencion-ciudadania/" aria-current="true"' in html


@pytest.mark.parametrize("language", ["es", "en"])
def test_services_section_links_to_the_one_catalogue(client, demo_site, language):
    """The citizen-services section leads to the trámites catalogue of the transparency
    menu in the reader's language; the demo makes no second, empty copy of it."""
    response = client.get(f"/{language}/atencion-ciudadania/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<a class="button" href="/{language}/transparencia/tramites-y-servicios/">' in html
    assert client.get(f"/{language}/atencion-ciudadania/tramites-y-servicios/").status_code == 404
    catalogues = Page.objects.filter(slug="tramites-y-servicios", locale__language_code=language)
    assert [page.specific_class.__name__ for page in catalogues] == ["ProcedureIndexPage"]


def test_language_switcher_keeps_the_current_page(client, demo_site):
    """On a translated page the switcher and hreflang point at its translation."""
    html = client.get("/es/atencion-ciudadania/pqrsd/").content.decode()
    assert '<a href="/en/atencion-ciudadania/pqrsd/" hreflang="en" lang="en">English</a>' in html
    assert 'hreflang="en" href="http://testserver/en/atencion-ciudadania/pqrsd/"' in html
    assert 'hreflang="es-CO" href="http://testserver/es/atencion-ciudadania/pqrsd/"' in html


def test_language_switcher_falls_back_to_home_without_translation(client, demo_site):
    """A page with no English version offers the English home instead."""
    parent = StandardPage.objects.get(slug="noticias", locale__language_code="es")
    only_spanish = StandardPage(title="Solo en español", slug="solo-es")
    parent.add_child(instance=only_spanish)
    only_spanish.save_revision().publish()
    html = client.get("/es/noticias/solo-es/").content.decode()
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html
    assert 'hreflang="en" href=' not in html


def test_site_map_lists_sections_in_current_language(client, demo_site):
    """The HTML site map lists the live pages of the current language only."""
    html = client.get("/es/mapa-del-sitio/").content.decode()
    assert "Atención y servicios a la ciudadanía" in html
    assert "Citizen services" not in html
    html_en = client.get("/en/mapa-del-sitio/").content.decode()
    assert "Citizen services" in html_en


def test_site_map_query_count_does_not_grow(client, demo_site, django_assert_max_num_queries):
    """The site map renders the whole tree in a bounded number of queries."""
    with django_assert_max_num_queries(10):
        client.get("/es/mapa-del-sitio/")


def test_sitemap_xml_and_robots(client, demo_site):
    """sitemap.xml lists pages in both languages; robots.txt points at it."""
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    body = sitemap.content.decode()
    assert "/es/participa/" in body and "/en/participa/" in body
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()


def test_unknown_page_gives_translated_404(client, demo_site):
    """A missing page answers 404 with a Spanish message and the site chrome."""
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()


def test_draft_page_is_not_public(client, demo_site):
    """An unpublished page answers 404 to the public."""
    parent = StandardPage.objects.get(slug="noticias", locale__language_code="es")
    draft = StandardPage(title="Borrador secreto", slug="borrador", live=False)
    parent.add_child(instance=draft)
    assert client.get("/es/noticias/borrador/").status_code == 404


def test_page_tree_rules():
    """Home pages sit at the root; standard pages nest under home or each other and
    hold the listings (news, events, FAQ, glossary, children's and audience pages) and
    the online forms that file a PQRSD."""
    assert HomePage.allowed_parent_page_models() == [Page]
    assert set(StandardPage.allowed_parent_page_models()) >= {HomePage, StandardPage}
    assert set(StandardPage.allowed_subpage_models()) == {
        StandardPage,
        NewsIndexPage,
        EventIndexPage,
        FaqPage,
        GlossaryPage,
        ChildrenPage,
        AudiencePage,
        SurveyIndexPage,
        SurveyPage,
        DebateIndexPage,
        ConsultationIndexPage,
        OnlineFormPage,
    }


def test_locales_exist_after_migrations(db):
    """Spanish and English locales are created by migrations on a fresh database."""
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"es", "en"}
