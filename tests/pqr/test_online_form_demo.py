"""The demo's online forms: two form pages in Spanish and English under the citizen
services section, linked from a demo procedure and a demo service; idempotent."""

from wagtail.models import Locale, Page

import pytest

from pqr import demo_online_forms
from pqr.models import OnlineFormPage
from transparency.models import ProcedurePage

pytestmark = pytest.mark.django_db

LINKS = {
    "solicitud-certificado-de-residencia": ("certificado-de-residencia", "tramite"),
    "solicitud-de-adopcion-de-mascotas": ("adopcion-animales", "servicio"),
}


class Loader:
    def __init__(self, site):
        from cms.demo.dependencies import load_dependencies

        self.home = site.root_page
        self.es = Locale.objects.get(language_code="es")
        self.en = Locale.objects.get(language_code="en")
        self.created = 0
        self.dependencies = load_dependencies(self)


def test_demo_forms_in_both_languages_linked_from_the_catalogue(demo_site):
    for slug, (procedure_slug, kind) in LINKS.items():
        es = OnlineFormPage.objects.get(slug=slug, locale__language_code="es")
        en = es.get_translation(Locale.objects.get(language_code="en"))
        assert es.live and en.live and es.get_parent().slug == "atencion-ciudadania"
        assert es.get_form_fields().count() == en.get_form_fields().count() >= 4
        assert es.dependency is not None
        for page in (es, en):
            procedure = ProcedurePage.objects.get(slug=procedure_slug, locale=page.locale)
            assert procedure.kind == kind
            assert procedure.online_form_id == page.pk
            assert procedure.effective_online_level == "transaccion"
    types = {f.field_type for f in OnlineFormPage.objects.first().get_form_fields()}
    assert types & {"dropdown", "radio", "checkbox"}


def test_demo_forms_are_idempotent_and_keep_an_editors_link(demo_site):
    procedure = ProcedurePage.objects.get(
        slug="certificado-de-residencia", locale__language_code="es"
    )
    other = OnlineFormPage.objects.get(
        slug="solicitud-de-adopcion-de-mascotas", locale__language_code="es"
    )
    procedure.online_form = Page.objects.get(pk=other.pk)
    procedure.save()
    pages = Page.objects.count()
    assert demo_online_forms.load(Loader(demo_site)) == 0
    assert Page.objects.count() == pages
    procedure.refresh_from_db()
    assert procedure.online_form_id == other.pk
