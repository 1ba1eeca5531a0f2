"""The demo content is big and real enough: the figures the issue asks for."""

from wagtail.models import Page

import pytest

from cms.models import Dependency
from transparency import models as m

pytestmark = pytest.mark.django_db
ES = {"locale__language_code": "es"}


def test_demo_figures(demo_site):
    """≥15 dependencies, 25 officials, 30 trámites and services, 15 norms, two budget
    years, the development plan with programs and indicators."""
    assert Dependency.objects.filter(**ES).count() >= 15
    assert m.PublicOfficial.objects.filter(**ES).count() >= 25
    assert m.ProcedurePage.objects.live().filter(**ES).count() >= 30
    assert m.NormPage.objects.live().filter(**ES).count() >= 15
    assert m.BudgetYearPage.objects.live().filter(**ES).count() >= 2
    plan = m.PlanPage.objects.get(slug="plan-de-desarrollo", **ES)
    assert "Soacha para vivir mejor" in plan.title
    programs = m.ProgramPage.objects.child_of(plan).live()
    assert programs.count() >= 3
    assert all(program.indicators for program in programs)


def test_every_entity_and_group_of_the_data_file_is_loaded(demo_site):
    """Each entity and interest group of transparency/data/entities.json exists, with its kind."""
    import json
    from pathlib import Path

    data = json.loads(
        (Path(m.__file__).resolve().parents[1] / "data" / "entities.json").read_text("utf-8")
    )
    for model, key in ((m.OtherEntity, "entities"), (m.InterestGroup, "groups")):
        for spec in data[key]:
            assert model.objects.filter(name=spec["name"]["es"], kind=spec["kind"], **ES).exists()
            assert model.objects.filter(name=spec["name"]["en"], kind=spec["kind"]).exists()


def test_decree_387_is_a_norm_over_the_decree_document(demo_site):
    """Decreto 387 de 2009 is a NormPage whose document is the loaded decree."""
    from cms.demo.loader import DECREE_TITLE

    decree = m.NormPage.objects.get(norm_type="decreto", number="387", year=2009, **ES)
    assert decree.document.title == DECREE_TITLE
    assert decree.label == "Decreto 387 de 2009"


def test_every_transparency_page_is_translated(demo_site):
    """Each Spanish transparency page has a live English translation with its own title."""
    spanish = Page.objects.filter(content_type__app_label="transparency", **ES)
    for page in spanish:
        translated = page.get_translation_or_none(
            Dependency.objects.filter(locale__language_code="en").first().locale
        )
        assert translated is not None and translated.live, page.url_path
    procedure = m.ProcedurePage.objects.get(
        slug="pago-impuesto-predial", locale__language_code="en"
    )
    assert procedure.title == "Property tax: assessment and payment"
    assert procedure.responsible_dependency.locale.language_code == "en"


def test_snippets_are_translated(demo_site):
    """Dependencies and officials exist in English, with English names and positions."""
    assert (
        Dependency.objects.filter(locale__language_code="en").count()
        == Dependency.objects.filter(**ES).count()
    )
    mayor = m.PublicOfficial.objects.get(
        email="alcalde@alcaldiasoacha.gov.co", locale__language_code="en"
    )
    assert mayor.position == "Mayor"
    assert mayor.dependency.name == "Office of the Mayor"
