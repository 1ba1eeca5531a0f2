"""The online-form and transaction checks both ways for each kind of online form: a
procedure linking an online form page of the portal (``online_form``), and one naming
a portal URL (``online_form_url``, kept for forms served elsewhere on the portal)."""

from django.apps import apps

from wagtail.models import Page

import pytest

from gel.checks import CHECKS, MET, NOT_MET, PARTLY, SiteContext

pytestmark = pytest.mark.django_db

FORMS = "formularios-para-descarga-o-diligenciamiento-en-linea"
TRAMITES = "tramites-en-transaccion-bajomedioalto"
SERVICES = "servicios-en-transaccion-bajomedioalto"


def run(criterion_id):
    return CHECKS[criterion_id](SiteContext())


def procedures(kind=None, lang="es"):
    found = apps.get_model("transparency.ProcedurePage").objects.live()
    found = found.filter(locale__language_code=lang)
    return found.filter(kind=kind) if kind else found


def form_pages(lang="es"):
    return apps.get_model("pqr.OnlineFormPage").objects.filter(locale__language_code=lang)


def unlink_all():
    """No procedure links an online form, none names a portal URL."""
    procedures().update(online_form=None, online_form_url="")
    procedures(lang="en").update(online_form=None)


@pytest.mark.parametrize(("kind", "criterion_id"), [("tramite", TRAMITES), ("servicio", SERVICES)])
def test_a_linked_live_form_page_makes_a_transaction(demo_site, kind, criterion_id):
    unlink_all()
    assert run(criterion_id).status == NOT_MET
    procedure = procedures(kind).first()
    procedure.online_level = "informacion"  # the linked form is what counts
    procedure.online_form = Page.objects.get(pk=form_pages().first().pk)
    procedure.save()
    result = run(criterion_id)
    assert result.status == MET
    assert [e.label for e in result.evidence] == [procedure.title]


@pytest.mark.parametrize(("kind", "criterion_id"), [("tramite", TRAMITES), ("servicio", SERVICES)])
def test_a_draft_or_english_form_page_does_not_count(demo_site, kind, criterion_id):
    unlink_all()
    procedure = procedures(kind).first()
    procedure.online_level = "transaccion"
    procedure.online_form = Page.objects.get(pk=form_pages("en").first().pk)
    procedure.save()
    assert run(criterion_id).status == NOT_MET  # a page of the English tree
    draft = form_pages().first()
    procedure.online_form = Page.objects.get(pk=draft.pk)
    procedure.save()
    Page.objects.filter(pk=draft.pk).update(live=False)
    assert run(criterion_id).status == NOT_MET


@pytest.mark.parametrize(("kind", "criterion_id"), [("tramite", TRAMITES), ("servicio", SERVICES)])
def test_a_portal_url_still_counts(demo_site, kind, criterion_id):
    unlink_all()
    form_pages().update(live=False)
    procedure = procedures(kind).first()
    procedure.online_level = "transaccion"
    procedure.online_form_url = "http://localhost/es/pqrsd/"
    procedure.save()
    assert run(criterion_id).status == MET
    procedure.online_form_url = "https://otro-sistema.example/es/pqrsd/"
    procedure.save()
    assert run(criterion_id).status == NOT_MET


def test_forms_to_download_and_fill_in(demo_site):
    """Met with downloads and an online form; partly met without the online form."""
    assert run(FORMS).status == MET
    unlink_all()
    form_pages().update(live=False)
    assert run(FORMS).status == PARTLY
    procedure = next(p for p in procedures() if len(p.downloadable_forms))
    procedure.online_form_url = "http://localhost/es/pqrsd/"
    procedure.save()
    assert run(FORMS).status == MET
    procedure.online_form_url = ""
    procedure.online_form = Page.objects.get(pk=form_pages().first().pk)
    procedure.save()
    assert run(FORMS).status == PARTLY  # the linked form page is a draft
    form_pages().update(live=True)
    assert run(FORMS).status == MET


@pytest.mark.parametrize(
    ("kind", "criterion_id"),
    [
        ("tramite", "tramites-en-interaccion-nivel-de-avance-bajomedioalto"),
        ("servicio", "servicios-en-interaccion-nivel-de-avance-bajomedioalto"),
    ],
)
def test_a_linked_form_page_counts_for_interaction_too(demo_site, kind, criterion_id):
    procedures().update(online_level="informacion")
    unlink_all()
    assert run(criterion_id).status == NOT_MET
    procedure = procedures(kind).first()
    procedure.online_form = Page.objects.get(pk=form_pages().first().pk)
    procedure.save()
    assert run(criterion_id).status == MET
