"""Editors and authors build online forms in the Wagtail admin, under the citizen
services section (page permissions of the site, cms.roles)."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from home.models import StandardPage
from pqr.models import OnlineFormPage

pytestmark = pytest.mark.django_db


def section():
    return StandardPage.objects.get(slug="atencion-ciudadania", locale__language_code="es")


def form_data(slug, publish):
    data = nested_form_data(
        {
            "title": "Solicitud de visita técnica",
            "slug": slug,
            "introduction": "Pida una visita técnica a su predio.",
            "comments": inline_formset([]),
            "petition_type": "general",
            "dependency": "",
            "thank_you_text": rich_text("<p>Gracias.</p>"),
            "form_fields": inline_formset(
                [
                    {
                        "label": "Dirección del predio",
                        "field_type": "singleline",
                        "required": "on",
                        "choices": "",
                        "default_value": "",
                        "help_text": "",
                    },
                    {
                        "label": "Tipo de visita",
                        "field_type": "dropdown",
                        "required": "on",
                        "choices": "Riesgo\nObra",
                        "default_value": "",
                        "help_text": "",
                    },
                ]
            ),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("pqr", "onlineformpage", parent.pk))


def test_form_pages_go_under_standard_pages_only():
    assert OnlineFormPage.allowed_parent_page_models() == [StandardPage]
    assert OnlineFormPage in StandardPage.allowed_subpage_models()
    assert OnlineFormPage.allowed_subpage_models() == []


def test_editor_publishes_a_form_page(client, editor, demo_site):
    client.force_login(editor)
    response = client.post(add_url(section()), form_data("visita-tecnica", publish=True))
    assert response.status_code == 302, response.context["form"].errors
    page = OnlineFormPage.objects.get(slug="visita-tecnica")
    assert page.live
    assert [f.label for f in page.get_form_fields()] == ["Dirección del predio", "Tipo de visita"]
    assert client.get(page.url).status_code == 200


def test_author_saves_a_draft(client, author, demo_site):
    client.force_login(author)
    response = client.post(add_url(section()), form_data("visita-borrador", publish=False))
    assert response.status_code == 302, response.context["form"].errors
    page = OnlineFormPage.objects.get(slug="visita-borrador")
    assert not page.live


def test_a_citizen_cannot_create_one(client, citizen, demo_site):
    client.force_login(citizen)
    response = client.post(add_url(section()), form_data("visita-ciudadana", publish=True))
    assert response.status_code in (302, 403)
    assert not Page.objects.filter(slug="visita-ciudadana").exists()
