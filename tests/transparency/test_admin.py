"""Editors can create every transparency page type through the Wagtail admin form."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from cms.models import Audience, Dependency
from transparency import models as m

pytestmark = pytest.mark.django_db


def create_in_admin(client, parent, model, fields):
    """POST the admin "add page" form (publishing) and return the created page."""
    lists = {name: fields.pop(name) for name in list(fields) if isinstance(fields[name], list)}
    data = nested_form_data(
        {
            "slug": f"nueva-{model._meta.model_name}",
            "introduction": "",
            "comments": inline_formset([]),
            **fields,
        }
    )
    data["action-publish"] = "action-publish"
    data.update(lists)  # multiple-choice values, which nested_form_data would number
    url = reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )
    response = client.post(url, data)
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response.content[:500]
    )
    return model.objects.get(slug=f"nueva-{model._meta.model_name}")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def parents(demo_site):
    es = {"locale__language_code": "es"}
    return {
        "home": demo_site.root_page,
        "menu": m.TransparencyPage.objects.get(**es),
        "norms": m.NormIndexPage.objects.get(**es),
        "procedures": m.ProcedureIndexPage.objects.get(**es),
        "budget": m.BudgetIndexPage.objects.get(**es),
        "plan": m.PlanPage.objects.get(**es),
    }


def body():
    return streamfield([("paragraph", rich_text("<p>Texto.</p>"))])


def test_editor_creates_every_section(editor_client, parents):
    """Each section type can be added under the transparency page by an editor."""
    dependency = Dependency.objects.filter(locale=parents["menu"].locale).first()
    norm = m.NormPage.objects.filter(locale=parents["menu"].locale).first()
    specs = {
        m.EntityInfoPage: {
            "mission": rich_text("<p>Misión.</p>"),
            "vision": rich_text("<p>Visión.</p>"),
            "objectives": rich_text(""),
            "functions": rich_text(""),
            "body": body(),
        },
        m.OrganigramPage: {"body": body()},
        m.OfficesPage: {"body": streamfield([])},
        m.ProcessesPage: {
            "processes": inline_formset(
                [
                    {
                        "name": "Gestión",
                        "process_type": "apoyo",
                        "objective": "",
                        "dependency": dependency.pk,
                    }
                ]
            ),
            "body": streamfield([]),
        },
        m.DirectoryPage: {"directory": "officials", "body": streamfield([])},
        m.NormIndexPage: {"body": streamfield([])},
        m.ProcedureIndexPage: {},
        m.BudgetIndexPage: {"body": streamfield([])},
        m.IndicatorsPage: {"body": streamfield([])},
        m.PublicationsPage: {
            "entries": streamfield(
                [
                    (
                        "contract",
                        {
                            "number": "C-1",
                            "purpose": "Objeto",
                            "contractor": "Contratista S.A.S.",
                            "value": "1000",
                            "date": "2026-01-02",
                            "secop_url": "https://community.secop.gov.co/x",
                        },
                    )
                ]
            )
        },
        m.PlanPage: {
            "plan_kind": "accion",
            "period_start": "2026",
            "period_end": "2026",
            "adopted_by": norm.pk,
            "body": streamfield([]),
        },
    }
    for model, fields in specs.items():
        page = create_in_admin(
            editor_client, parents["menu"], model, {"title": f"Nueva {model.__name__}", **fields}
        )
        assert page.get_parent().pk == parents["menu"].pk


def test_editor_creates_a_norm_and_a_draft_needs_its_deadline(editor_client, parents):
    """A norm is created with its metadata; a draft without comment deadline is refused."""
    fields = {
        "title": "Decreto 999 de 2026",
        "norm_type": "decreto",
        "number": "999",
        "year": "2026",
        "issue_date": "2026-03-01",
        "publication_date": "2026-03-02",
        "issuer": "Alcalde Municipal",
        "epigraph": "Por el cual se prueba.",
        "in_force": "on",
        "body": streamfield([]),
    }
    norm = create_in_admin(editor_client, parents["norms"], m.NormPage, fields)
    assert norm.label == "Decreto 999 de 2026" or norm.number == "999"
    url = reverse("wagtailadmin_pages:add", args=("transparency", "normpage", parents["norms"].pk))
    data = nested_form_data(
        {**fields, "slug": "borrador", "norm_type": "proyecto", "comments": inline_formset([])}
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert not m.NormPage.objects.filter(slug="borrador").exists()


def test_editor_creates_a_procedure(editor_client, parents):
    """A trámite with its channels, legal basis, audiences and forms."""
    locale = parents["menu"].locale
    page = create_in_admin(
        editor_client,
        parents["procedures"],
        m.ProcedurePage,
        {
            "title": "Nuevo trámite",
            "kind": "tramite",
            "purpose": "Para probar.",
            "who_may_request": "Cualquier persona.",
            "requirements": rich_text("<ul><li>Documento</li></ul>"),
            "cost": "Gratuito",
            "time_limit": "15 días hábiles",
            "channel_in_person": "on",
            "channel_online": "on",
            "channel_details": "",
            "online_level": "transaccion",
            "online_form_url": "https://example.org/formulario",
            "responsible_dependency": Dependency.objects.filter(locale=locale).first().pk,
            "legal_basis": m.NormPage.objects.filter(locale=locale).first().pk,
            "legal_basis_text": "",
            "downloadable_forms": streamfield([]),
            "topic": "gobierno",
            "audiences": [a.pk for a in Audience.objects.all()[:2]],
            "suit_url": "",
        },
    )
    assert page.audiences.count() == 2
    assert page.available_online


def test_editor_creates_budget_year_and_program(editor_client, parents):
    """A fiscal year with an execution report, and a program with a project and an indicator."""
    locale = parents["menu"].locale
    year = create_in_admin(
        editor_client,
        parents["budget"],
        m.BudgetYearPage,
        {
            "title": "Presupuesto 2027",
            "fiscal_year": "2027",
            "approved_income": "100",
            "approved_operating": "20",
            "approved_debt": "0",
            "approved_investment": "80",
            "execution_reports": inline_formset(
                [
                    {
                        "period": "Primer trimestre",
                        "cut_off_date": "2027-03-31",
                        "collected_income": "30",
                        "executed_expenses": "25",
                    }
                ]
            ),
            "body": streamfield([]),
        },
    )
    assert year.execution_reports.count() == 1
    program = create_in_admin(
        editor_client,
        parents["plan"],
        m.ProgramPage,
        {
            "title": "Programa nuevo",
            "strategic_line": "",
            "objective": "Objetivo.",
            "responsible_dependency": Dependency.objects.filter(locale=locale).first().pk,
            "contact_position": "Secretario",
            "contact_email": "x@alcaldiasoacha.gov.co",
            "contact_phone": "",
            "budget": "",
            "projects": inline_formset(
                [{"name": "Proyecto", "code": "", "budget": "", "status": "ejecucion"}]
            ),
            "indicators": streamfield(
                [
                    (
                        "indicator",
                        {
                            "name": "Indicador",
                            "formula": "a / b",
                            "unit": "%",
                            "baseline": "10",
                            "target": "20",
                            "measurements": streamfield(
                                [("item", {"date": "2026-01-01", "value": "15"})]
                            ),
                        },
                    )
                ]
            ),
        },
    )
    assert program.projects.count() == 1
    assert program.indicators[0].value["name"] == "Indicador"


def test_editor_creates_a_menu_page_under_a_new_home(editor_client, parents):
    """The menu page form takes its items as inline rows (on a home without one)."""
    from home.models import HomePage

    root = Page.get_first_root_node()
    other_home = root.add_child(instance=HomePage(title="Otro sitio", slug="otro"))
    page = create_in_admin(
        editor_client,
        other_home,
        m.TransparencyPage,
        {
            "title": "Transparencia",
            "menu_items": inline_formset(
                [
                    {
                        "number": "1.1",
                        "link_page": parents["menu"].pk,
                        "link_url": "",
                        "label": "",
                        "not_applicable_reason": "",
                    },
                    {
                        "number": "9.1",
                        "link_page": "",
                        "link_url": "",
                        "label": "",
                        "not_applicable_reason": "No aplica.",
                    },
                ]
            ),
            "body": streamfield([]),
        },
    )
    assert page.menu_items.count() == 2


TRANSPARENCY_SNIPPETS = ("publicofficial", "otherentity", "interestgroup")


def test_editor_sees_the_transparency_snippets(editor_client, demo_site):
    """Dependencies and officials are listed in the admin for editors."""
    for model in ("cms_dependency", *(f"transparency_{name}" for name in TRANSPARENCY_SNIPPETS)):
        response = editor_client.get(reverse(f"wagtailsnippets_{model}:list"))
        assert response.status_code == 200, model
