"""Every transparency page type renders in Spanish and English with breadcrumbs and the
last-updated date, is in sitemap.xml, and sits where the page tree allows it."""

from wagtail.models import Page

import pytest

from cms.models import Dependency
from home.models import HomePage, StandardPage
from transparency import models as m

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    m.TransparencyPage,
    m.EntityInfoPage,
    m.OrganigramPage,
    m.OfficesPage,
    m.ProcessesPage,
    m.DirectoryPage,
    m.NormIndexPage,
    m.NormPage,
    m.ProcedureIndexPage,
    m.ProcedurePage,
    m.BudgetIndexPage,
    m.BudgetYearPage,
    m.PlanPage,
    m.ProgramPage,
    m.IndicatorsPage,
    m.PublicationsPage,
]
BREADCRUMB = {"es": 'aria-label="Ruta de navegación"', "en": 'aria-label="Breadcrumb"'}


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_page_type_renders_with_breadcrumbs_and_last_updated(client, demo_pages, model, language):
    """Each page type answers 200 in both languages with its h1, breadcrumbs and the
    last-updated date (base.html's block, shown when the page has been published)."""
    page = demo_pages(model, language)
    assert page is not None, f"the demo has no {model.__name__} in {language}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert BREADCRUMB[language] in html
    assert '<p class="last-updated">' in html
    assert f'<html lang="{"es-CO" if language == "es" else "en"}">' in html


def test_every_page_type_is_in_the_sitemap(client, demo_pages):
    """sitemap.xml lists one page of every transparency type in both languages, on the
    host it was asked on."""
    body = client.get("/sitemap.xml").content.decode()
    for model in PAGE_TYPES:
        for language in ("es", "en"):
            page = demo_pages(model, language)
            assert f"<loc>http://testserver{page.url}</loc>" in body, (model.__name__, language)


def test_transparency_page_is_in_the_main_menu(client, demo_site):
    """The menu page is a child of each home page, shown in the main menu."""
    for language in ("es", "en"):
        html = client.get(f"/{language}/").content.decode()
        assert f'href="/{language}/transparencia/"' in html
    assert all(page.show_in_menus for page in m.TransparencyPage.objects.all())


def test_page_tree_rules():
    """The menu page sits under the home page; sections under the menu page; leaves under
    their index; nothing else nests where it should not."""
    assert m.TransparencyPage.allowed_parent_page_models() == [HomePage]
    sections = [
        m.EntityInfoPage,
        m.OrganigramPage,
        m.OfficesPage,
        m.ProcessesPage,
        m.DirectoryPage,
        m.NormIndexPage,
        m.BudgetIndexPage,
        m.PlanPage,
        m.IndicatorsPage,
        m.PublicationsPage,
    ]
    for section in sections:
        assert section.allowed_parent_page_models() == [m.TransparencyPage], section
    assert set(m.ProcedureIndexPage.allowed_parent_page_models()) == {m.TransparencyPage, HomePage}
    assert set(m.TransparencyPage.allowed_subpage_models()) == {*sections, m.ProcedureIndexPage}
    assert m.NormIndexPage.allowed_subpage_models() == [m.NormPage]
    assert m.NormPage.allowed_parent_page_models() == [m.NormIndexPage]
    assert m.ProcedureIndexPage.allowed_subpage_models() == [m.ProcedurePage]
    assert m.ProcedurePage.allowed_parent_page_models() == [m.ProcedureIndexPage]
    assert m.BudgetIndexPage.allowed_subpage_models() == [m.BudgetYearPage]
    assert m.PlanPage.allowed_subpage_models() == [m.ProgramPage]
    # gel's bimonthly report (by label: transparency never imports gel)
    assert [model._meta.label for model in m.PublicationsPage.allowed_subpage_models()] == [
        "gel.BimonthlyReportPage"
    ]
    for leaf in (m.NormPage, m.ProcedurePage, m.BudgetYearPage, m.ProgramPage, m.EntityInfoPage):
        assert leaf.allowed_subpage_models() == [], leaf
    assert not m.TransparencyPage.can_create_at(Page.get_first_root_node())
    assert m.NormPage not in StandardPage.allowed_subpage_models()


def test_only_one_menu_page_per_home(demo_site):
    """A second transparency menu page cannot be created under the same home page."""
    assert not m.TransparencyPage.can_create_at(demo_site.root_page)


def test_organigram_is_a_nested_list_of_the_dependency_tree(client, demo_pages):
    """The organigrama lists every dependency, children nested under their parent."""
    page = demo_pages(m.OrganigramPage)
    html = client.get(page.url).content.decode()
    assert '<ul class="org-tree"' in html
    general = Dependency.objects.get(slug="secretaria-general", locale=page.locale)
    tic = Dependency.objects.get(slug="oficina-tic", locale=page.locale)
    start = html.index(general.name)
    nested = html.index("<ul>", start)
    assert start < nested < html.index(tic.name)
    for dependency in Dependency.objects.filter(locale=page.locale):
        assert dependency.name in html


def test_offices_page_shows_hours_phones_toll_free_and_fax(client, demo_pages):
    """Sedes y horarios: each dependency with its hours and phones, the toll-free line and fax."""
    html = client.get(demo_pages(m.OfficesPage).url).content.decode()
    assert "Línea gratuita" in html and "01 8000 11 9000" in html
    assert "Fax" in html and "(601) 575 5701" in html
    assert "Horario de atención" in html
    assert "hacienda@alcaldiasoacha.gov.co" in html


def test_norm_page_shows_metadata_relations_and_document(client, demo_site):
    """Decreto 387 de 2009: its metadata, the decree that modifies it and its download."""
    decree = m.NormPage.objects.get(slug="decreto-387-2009", locale__language_code="es")
    html = client.get(decree.url).content.decode()
    assert "Decreto 387 de 2009" in html
    assert "Por medio del cual se adopta el Plan de Acción GEL-T" in html
    assert "Modificada por" in html and "Decreto 210 de 2025" in html
    assert decree.document.url in html
    assert "Vigente" in html


def test_english_norm_links_to_english_norms(client, demo_site):
    """Relations on an English norm point to the English pages."""
    norm = m.NormPage.objects.get(slug="decreto-210-2025", locale__language_code="en")
    html = client.get(norm.url).content.decode()
    assert 'href="/en/transparencia/normatividad/decreto-387-2009/"' in html
    assert "Decree 387 of 2009" in html


def test_draft_norm_shows_its_comment_deadline(client, demo_site):
    """A draft regulation shows the deadline for comments and the email to send them to."""
    draft = m.NormPage.objects.filter(norm_type="proyecto", locale__language_code="es").first()
    html = client.get(draft.url).content.decode()
    assert "Proyecto de norma publicado para comentarios" in html
    assert draft.comment_email in html or "cerró" in html


def test_procedure_page_shows_every_field(client, demo_site):
    """A trámite shows purpose, who, requirements, cost, time, channels, dependency,
    legal basis (linked norm), forms and online availability."""
    page = m.ProcedurePage.objects.get(slug="pago-impuesto-predial", locale__language_code="es")
    html = client.get(page.url).content.decode()
    for text in [
        "Para qué sirve",
        "Quién puede solicitarlo",
        "Requisitos",
        "Costo",
        "Plazo legal",
        "Canales",
        "Dependencia responsable",
        "Fundamento legal",
        "Acuerdo 05 de 2021",
        "Formularios",
        "Disponible en línea",
        page.responsible_dependency.name,
    ]:
        assert text in html, text


def test_budget_year_shows_execution_with_percentages(client, demo_site):
    """A fiscal year shows the approved budget and each execution report with its share."""
    year = m.BudgetYearPage.objects.get(fiscal_year=2025, locale__language_code="es")
    html = client.get(year.url).content.decode()
    assert "Presupuesto aprobado" in html
    assert "Primer trimestre" in html and "%" in html
    assert "Acuerdo 25 de 2024" in html


def test_indicators_have_an_accessible_chart_and_a_table(client, demo_pages):
    """Indicators render an SVG with role=img and a title, a legend and a data table."""
    html = client.get(demo_pages(m.IndicatorsPage).url).content.decode()
    assert '<svg class="chart"' in html and 'role="img"' in html
    assert "<title id=" in html
    assert "<table" in html and "<caption>" in html
    assert "Avance hacia la meta" in html
    assert "<script" not in html.split('<main id="contenido"')[1].split("</main>")[0]


def test_program_shows_responsible_contact_projects_and_indicators(client, demo_pages):
    """A program names its dependency and contact, its projects and its indicators."""
    program = demo_pages(m.ProgramPage)
    html = client.get(program.url).content.decode()
    assert program.responsible_dependency.name in html
    assert program.contact_email in html
    assert "Código BPIN" in html
    assert 'class="chart"' in html


def test_plan_page_lists_programs(client, demo_site):
    """The development plan "Soacha para vivir mejor" lists its programs."""
    plan = m.PlanPage.objects.get(slug="plan-de-desarrollo", locale__language_code="es")
    html = client.get(plan.url).content.decode()
    assert "Soacha para vivir mejor" in html
    assert html.count('class="listing__item"') >= 5
    assert "Acuerdo 10 de 2024" in html


def test_publications_page_links_secop(client, demo_site):
    """Contratación links each contract to its SECOP record."""
    page = m.PublicationsPage.objects.get(slug="contratacion", locale__language_code="es")
    html = client.get(page.url).content.decode()
    assert "Plan Anual de Adquisiciones 2026" in html
    assert "community.secop.gov.co" in html


def test_featured_procedures_tag(rf, demo_site, django_assert_max_num_queries):
    """``{% featured_procedures limit=6 %}`` lists the most used trámites in three queries."""
    from django.template import engines
    from django.utils import translation

    template = engines["django"].from_string(
        "{% load transparency_tags %}{% featured_procedures limit=3 %}"
    )
    request = rf.get("/es/")
    with translation.override("es"):
        template.render({"request": request})  # the page around it resolves the site once
        with django_assert_max_num_queries(3):
            html = template.render({"request": request})
    assert html.count('class="card"') == 3
    assert "Trámites más usados" in html
    assert 'href="/es/transparencia/tramites-y-servicios/"' in html
    with translation.override("en"):
        html = (
            engines["django"]
            .from_string("{% load transparency_tags %}{% featured_procedures %}")
            .render({"request": rf.get("/en/")})
        )
    assert "Most used procedures" in html and "/en/transparencia/" in html
