"""Online forms built by editors (pqr.OnlineFormPage): each valid submission files one
PQRSD case through pqr.filing; bad input files nothing and keeps what was typed."""

import re

from django.urls import reverse
from django.utils import translation

import pytest

from cms.models import Consent
from pqr import deadlines
from pqr.models import Case, ClosureDay, OnlineFormPage, RadicadoCounter

pytestmark = pytest.mark.django_db

SLUG = "solicitud-certificado-de-residencia"
URL = f"/es/atencion-ciudadania/{SLUG}/"
URL_EN = f"/en/atencion-ciudadania/{SLUG}/"


def form_page(lang="es"):
    return OnlineFormPage.objects.get(slug=SLUG, locale__language_code=lang)


def answers(page):
    """A valid answer for each of the demo form's fields, by field name."""
    names = {field.label: f"field_{field.clean_name}" for field in page.get_form_fields()}
    values = iter(["San Mateo", "Calle 1 # 2-3", "3 años", None, "Vivo aquí desde 2021.", "on"])
    data = {}
    for field, value in zip(page.get_form_fields(), values, strict=True):
        if field.field_type == "dropdown":
            value = field.choices.splitlines()[0]
        data[names[field.label]] = value
    return data


@pytest.fixture
def valid_online_post(demo_site):
    return {
        **answers(form_page()),
        "form_token": "online-token-1",
        "name": "Ana Pérez",
        "id_type": "CC",
        "id_number": "1012345678",
        "email": "ana@test.example",
        "phone": "3001234567",
        "answer_channel": "email",
        "consent": "on",
    }


def test_form_page_shows_the_editors_fields_and_pqr_identity_part(demo_site, client):
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Barrio" in body and "Motivo de la solicitud" in body
    assert 'name="form_token"' in body and 'name="consent"' in body
    assert 'name="anonymous"' in body and 'name="id_number"' in body
    assert "Aviso de privacidad" in body
    # Personal data: never cached, like the PQRSD form.
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_english_form_page(demo_site, client):
    response = client.get(URL_EN)
    assert response.status_code == 200
    assert "Neighbourhood" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_filing_creates_one_tracked_case(demo_site, client, valid_online_post):
    consents = Consent.objects.count()
    response = client.post(URL, valid_online_post)
    body = response.content.decode()
    assert response.status_code == 200
    case = Case.objects.get()
    page = form_page()
    assert re.fullmatch(r"PQRSD-\d{4}-000001", case.radicado)
    assert case.subject == page.title
    assert case.petition_type == page.petition_type == "general"
    assert case.online_form_id == page.pk
    assert case.dependency == page.dependency and case.dependency.locale.language_code == "es"
    assert case.channel == "web" and case.name == "Ana Pérez" and case.id_number == "1012345678"
    assert "Barrio: San Mateo" in case.description
    assert "Dirección de residencia: Calle 1 # 2-3" in case.description
    assert "Motivo de la solicitud: Trámite laboral" in case.description
    assert "Declaro que la información suministrada es verdadera: Sí" in case.description
    expected = deadlines.due_date(case.received_at, "general", ClosureDay.dates())
    assert case.due_date == expected
    # The consent is recorded with the case.
    assert Consent.objects.count() == consents + 1
    assert case.consent_at is not None
    # The landing page: radicado, tracking code, due date, link to follow it.
    assert case.radicado in body and 'id="tracking-code"' in body
    assert reverse("pqr:tracked", args=[case.radicado]) in body
    assert "Gracias" in body
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    code = re.search(r'id="tracking-code"><code>([^<]+)</code>', body).group(1)
    # The code opens the case from any browser.
    other = client.__class__()
    found = other.post(reverse("pqr:track"), {"radicado": case.radicado, "codigo": code})
    assert found.status_code == 302
    assert found.url == reverse("pqr:tracked", args=[case.radicado])
    assert case.radicado in other.get(found.url).content.decode()
    # The filing browser follows it from the landing page's link.
    assert client.get(reverse("pqr:tracked", args=[case.radicado])).status_code == 200


def test_radicados_are_sequential_and_shared_with_the_pqrsd_form(
    demo_site, client, valid_online_post, valid_post
):
    client.post(URL, valid_online_post)
    client.post("/es/pqrsd/", valid_post)
    client.post(URL, {**valid_online_post, "form_token": "online-token-2"})
    assert list(Case.objects.order_by("number").values_list("number", flat=True)) == [1, 2, 3]
    assert RadicadoCounter.objects.get().last == 3
    assert Case.objects.filter(online_form=form_page()).count() == 2


def test_same_form_twice_files_once(demo_site, client, valid_online_post):
    client.post(URL, valid_online_post)
    again = client.post(URL, valid_online_post)
    assert Case.objects.count() == 1
    body = again.content.decode()
    assert again.status_code == 200
    assert Case.objects.get().radicado in body
    assert "ya se había enviado" in body


def test_english_filing(demo_site, client, valid_online_post):
    page = form_page("en")
    data = {**valid_online_post, **answers(page)}
    data = {k: v for k, v in data.items() if k in answers(page) or not k.startswith("field_")}
    response = client.post(URL_EN, data)
    assert response.status_code == 200, response.context["form"].errors
    case = Case.objects.get()
    assert case.online_form_id == page.pk
    assert "Neighbourhood: San Mateo" in case.description
    # Officers work with the Spanish dependencies.
    assert case.dependency.locale.language_code == "es"


def test_anonymous_filing(demo_site, client, valid_online_post):
    data = {**valid_online_post, "anonymous": "on", "name": "", "email": ""}
    response = client.post(URL, data)
    assert response.status_code == 200
    case = Case.objects.get()
    assert case.anonymous and case.name == "" and case.answer_channel == "web"


def test_bad_input_files_nothing_and_keeps_the_values(demo_site, client, valid_online_post):
    consents = Consent.objects.count()
    name = next(k for k in valid_online_post if k.startswith("field_barrio"))
    data = {**valid_online_post, name: "", "consent": "", "id_number": "12ab"}
    with translation.override("es"):
        response = client.post(URL, data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Este campo es necesario." in body
    assert "Debe aceptar el aviso de privacidad" in body
    assert 'id="error-summary"' in body
    assert 'value="Calle 1 # 2-3"' in body and 'value="Ana Pérez"' in body
    assert 'value="online-token-1"' in body
    assert not Case.objects.exists()
    assert not RadicadoCounter.objects.filter(last__gt=0).exists()
    assert Consent.objects.count() == consents


def test_missing_name_for_an_identified_filing(demo_site, client, valid_online_post):
    with translation.override("es"):
        response = client.post(URL, {**valid_online_post, "name": ""})
    assert response.status_code == 400
    assert "Indique su nombre o radique de forma anónima." in response.content.decode()
    assert not Case.objects.exists()


def test_bad_attachment_is_refused(demo_site, client, valid_online_post):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("virus.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(URL, {**valid_online_post, "attachments": upload})
    assert response.status_code == 400
    assert "virus.pdf" in response.content.decode()
    assert not Case.objects.exists()


def test_filing_is_rate_limited(demo_site, client, valid_online_post, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pqr_filing": "2/m"}
    for n in range(2):
        response = client.post(URL, {**valid_online_post, "form_token": f"r{n}"})
        assert response.status_code == 200
    response = client.post(URL, {**valid_online_post, "form_token": "r3"})
    body = response.content.decode()
    assert response.status_code == 429
    assert "Demasiados envíos" in body
    assert 'value="San Mateo"' in body
    assert Case.objects.count() == 2
    assert "no-store" in response["Cache-Control"]


def test_csrf_is_checked(demo_site, valid_online_post):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, valid_online_post)
    assert response.status_code == 403
    assert not Case.objects.exists()


def test_no_wagtail_form_submission_is_stored(demo_site, client, valid_online_post):
    """The answers live in the case only (one home for the petitioner's data)."""
    from wagtail.contrib.forms.models import FormSubmission

    client.post(URL, valid_online_post)
    assert Case.objects.count() == 1
    assert not FormSubmission.objects.filter(page=form_page()).exists()


def test_officers_see_the_case_in_the_inbox(demo_site, client, valid_online_post, make_officer):
    client.post(URL, valid_online_post)
    case = Case.objects.get()
    officer = make_officer("gobierno@test.example", [case.dependency])
    client.force_login(officer)
    response = client.get(reverse("pqr_admin:inbox"))
    assert case.radicado in response.content.decode()
    detail = client.get(reverse("pqr_admin:case", args=[case.pk])).content.decode()
    assert 'id="case-online-form"' in detail and case.online_form.title in detail


def test_answer_field_names_never_clash_with_the_petitioner_fields(demo_site):
    """An editor's field labelled "Email" or "Name" keeps its own value."""
    page = form_page("en")
    from pqr.forms import PetitionerForm
    from pqr.online_forms import ANSWER_PREFIX

    assert not any(name.startswith(ANSWER_PREFIX) for name in PetitionerForm.base_fields)
    page.form_fields.create(label="Email", field_type="email", required=False)
    page.form_fields.create(label="Channel", field_type="singleline", required=False)
    form_class = page.get_form_class()
    assert {"field_email", "field_channel"} <= set(form_class.base_fields)
    assert {"email", "answer_channel"} <= set(form_class.base_fields)  # the petitioner's
