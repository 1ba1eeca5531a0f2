"""A procedure linking an online form page of the portal (``online_form``): the
"do it online" button, the transaction level, the catalogue filter, the admin."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from cms.models import Dependency
from transparency import models as m

pytestmark = pytest.mark.django_db

SLUG = "certificado-de-residencia"
SERVICE_SLUG = "adopcion-animales"


def procedure(lang="es", slug=SLUG):
    return m.ProcedurePage.objects.get(slug=slug, locale__language_code=lang)


def test_linked_form_shows_the_button_and_the_transaction_level(client, demo_site):
    page = procedure()
    form_page = page.online_form.specific
    assert page.has_online_form and page.effective_online_level == "transaccion"
    with translation.override("es"):
        html = client.get(page.url).content.decode()
    assert "Hacer el trámite en línea" in html
    assert f'href="{form_page.url}"' in html
    assert "Transacción" in html and "Disponible en línea" in html


def test_english_procedure_links_the_english_form(client, demo_site):
    page = procedure("en")
    html = client.get(page.url).content.decode()
    english_form = page.online_form.specific
    assert english_form.locale.language_code == "en"
    assert "Do the procedure online" in html
    assert f'href="{english_form.url}"' in html


def test_a_spanish_form_is_shown_in_english_when_translated(client, demo_site):
    """An English procedure linking the Spanish form still sends to the English one."""
    page = procedure("en")
    spanish = procedure("es").online_form
    page.online_form = spanish
    page.save()
    html = client.get(page.url).content.decode()
    english = spanish.get_translation(page.locale)
    assert f'href="{english.url}"' in html


def test_a_service_says_request_the_service(client, demo_site):
    page = procedure(slug=SERVICE_SLUG)
    with translation.override("es"):
        html = client.get(page.url).content.decode()
    assert "Solicitar el servicio en línea" in html
    assert page.effective_online_level == "transaccion"


def test_a_draft_form_gives_no_button_and_the_editors_level(client, demo_site):
    page = procedure()
    page.online_level = "informacion"
    page.channel_online = False
    page.save()
    Page.objects.filter(pk=page.online_form_id).update(live=False)
    page = procedure()
    assert not page.has_online_form and not page.available_online
    with translation.override("es"):
        html = client.get(page.url).content.decode()
    assert "Hacer el trámite en línea" not in html
    assert "Disponible en línea" not in html


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_link_costs_a_bounded_number_of_queries(
    client, demo_site, django_assert_max_num_queries, lang
):
    """Linking a form adds at most two queries (the page and its translation)."""
    page = procedure(lang)
    form_id = page.online_form_id
    client.get(page.url)  # warm the caches shared by every page (menu, settings)
    page.online_form = None
    page.save()
    unlinked = _queries(client, page.url)
    page.online_form_id = form_id
    page.save()
    with django_assert_max_num_queries(unlinked + 2):
        html = client.get(page.url).content.decode()
    assert f'href="{page.online_form.specific.url}"' in html


def test_catalogue_online_filter_counts_a_linked_form(client, demo_site):
    page = procedure()
    m.ProcedurePage.objects.filter(pk=page.pk).update(online_level="informacion")
    index = page.get_parent()
    listed = client.get(index.url, {"online": "on", "q": "residencia"}).context["page_obj"]
    assert [p.pk for p in listed.object_list] == [page.pk]
    Page.objects.filter(pk=page.online_form_id).update(live=False)
    listed = client.get(index.url, {"online": "on", "q": "residencia"}).context["page_obj"]
    assert list(listed.object_list) == []


def test_editor_links_an_online_form_in_the_admin(client, editor, demo_site):
    """The chooser offers online form pages only; the link is saved."""
    client.force_login(editor)
    index = m.ProcedureIndexPage.objects.get(locale__language_code="es")
    form_page = procedure().online_form
    locale = index.locale
    data = nested_form_data(
        {
            "title": "Trámite con formulario",
            "slug": "tramite-con-formulario",
            "introduction": "",
            "comments": inline_formset([]),
            "kind": "tramite",
            "purpose": "Para probar.",
            "who_may_request": "Cualquier persona.",
            "requirements": rich_text("<ul><li>Documento</li></ul>"),
            "cost": "Gratuito",
            "time_limit": "15 días hábiles",
            "channel_details": "",
            "online_level": "informacion",
            "online_form": form_page.pk,
            "online_form_url": "",
            "responsible_dependency": Dependency.objects.filter(locale=locale).first().pk,
            "legal_basis": "",
            "legal_basis_text": "",
            "downloadable_forms": streamfield([]),
            "topic": "gobierno",
            "suit_url": "",
        }
    )
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=("transparency", "procedurepage", index.pk))
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    created = m.ProcedurePage.objects.get(slug="tramite-con-formulario")
    assert created.online_form_id == form_page.pk
    assert created.effective_online_level == "transaccion"
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(created.pk,))).content.decode()
    assert "pqr.onlineformpage" in edit.lower()  # the chooser's page type
