"""Filing a petition: validation, radicado, acknowledgement, double submission."""

import io
import re

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import formats, translation

import pytest

from pqr.models import Attachment, Case, RadicadoCounter

pytestmark = pytest.mark.django_db

URL = "/es/pqrsd/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_form_renders_with_token_and_links(demo_site, client):
    """The form has a one-time token, the privacy notice and the PQRSD links."""
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="form_token"' in body
    assert "Aviso de privacidad" in body
    assert reverse("pqr:track") in body


def test_anonymous_filing(demo_site, client, valid_post):
    """An anonymous petition needs no identity and gets a radicado and a code."""
    data = {**valid_post, "anonymous": "on", "name": "", "email": "", "answer_channel": "web"}
    response = client.post(URL, data)
    case = Case.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("pqr:acknowledgement", args=[case.radicado])
    assert case.anonymous and case.name == "" and case.id_number == ""
    assert re.fullmatch(r"PQRSD-\d{4}-000001", case.radicado)
    page = client.get(response.url)
    assert case.radicado in page.content.decode()
    assert 'id="tracking-code"' in page.content.decode()


def test_filing_records_consent_and_due_date(demo_site, client, valid_post):
    """Consent is stored with the policy version and time; the due date is computed."""
    client.post(URL, valid_post)
    case = Case.objects.get()
    assert case.consent_at is not None and case.policy_version == "2026-01"
    assert case.due_date > case.received_at.date()
    assert case.events.filter(status="received").exists()


def test_acknowledgement_email(demo_site, client, valid_post, django_capture_on_commit_callbacks):
    """With an address, the acknowledgement goes by e-mail with radicado and tracking link."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, valid_post)
    case = Case.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert case.radicado in message.subject
    assert f"/es/pqrsd/consulta/?radicado={case.radicado}&codigo=" in message.body
    with translation.override("es"):
        assert formats.date_format(case.due_date, "DATE_FORMAT") in message.body


def test_radicados_are_sequential(demo_site, client, valid_post):
    """Each filing takes the next number of the year's counter."""
    for n in range(3):
        client.post(URL, {**valid_post, "form_token": f"t{n}"})
    numbers = list(Case.objects.order_by("number").values_list("number", flat=True))
    assert numbers == [1, 2, 3]
    assert RadicadoCounter.objects.get().last == 3


def test_same_form_twice_files_once(demo_site, client, valid_post):
    """A repeated POST with the same token shows the first case's acknowledgement."""
    first = client.post(URL, valid_post)
    second = client.post(URL, valid_post)
    assert Case.objects.count() == 1
    assert first.url == second.url


def test_same_form_from_another_browser(demo_site, client, valid_post):
    """A repeat from another session renders the first acknowledgement without its code."""
    from django.test import Client

    client.post(URL, valid_post)
    response = Client().post(URL, valid_post)
    assert response.status_code == 200
    assert Case.objects.get().radicado in response.content.decode()
    assert 'id="tracking-code"' not in response.content.decode()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("subject", "Este campo es necesario."),
        ("description", "Este campo es necesario."),
        ("consent", "Debe aceptar el aviso de privacidad para radicar."),
        ("name", "Indique su nombre o radique de forma anónima."),
    ],
)
def test_missing_fields(demo_site, client, valid_post, field, message):
    """A missing field gives a translated error, keeps the input and saves nothing."""
    data = {**valid_post}
    data.pop(field)
    response = client.post(URL, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert 'id="error-summary"' in body
    assert 'value="1012345678"' in body
    assert Case.objects.count() == 0
    assert not RadicadoCounter.objects.filter(last__gt=0).exists()


def test_email_required_for_email_answers(demo_site, client, valid_post):
    """Choosing an e-mail answer without an address is an error."""
    response = client.post(URL, {**valid_post, "email": ""})
    assert "Indique un correo electrónico" in response.content.decode()
    assert Case.objects.count() == 0


def test_huge_description(demo_site, client, valid_post):
    """A 100 KB description is a clear form error, not a 500, and the subject is kept."""
    response = client.post(URL, {**valid_post, "description": "x" * 100_000})
    body = response.content.decode()
    assert response.status_code == 200
    assert "el máximo es 10000" in body
    assert 'value="Alumbrado público"' in body
    assert Case.objects.count() == 0


def _upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_valid_attachments_are_stored(demo_site, client, valid_post):
    """PDF and PNG attachments are stored with their real type."""
    data = {**valid_post, "attachments": [_upload("a.pdf", PDF), _upload("b.png", PNG)]}
    response = client.post(URL, data)
    assert response.status_code == 302
    types = set(Attachment.objects.values_list("content_type", flat=True))
    assert types == {"application/pdf", "image/png"}


def test_docx_by_content(demo_site, client, valid_post):
    """A DOCX is recognised as a ZIP with word/document.xml inside."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    data = {**valid_post, "attachments": [_upload("carta.docx", buffer.getvalue())]}
    assert client.post(URL, data).status_code == 302


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([("virus.exe", b"MZ\x90\x00")], "no es un archivo permitido"),
        ([("falso.pdf", b"MZ\x90\x00 not a pdf")], "no es un archivo permitido"),
        ([("falso.png", PDF)], "no es un archivo permitido"),
        ([("grande.pdf", PDF + b"0" * (5 * 1024 * 1024))], "supera 5 MB"),
        ([(f"f{n}.pdf", PDF) for n in range(4)], "Adjunte como máximo 3 archivos."),
    ],
)
def test_bad_attachments(demo_site, client, valid_post, files, message):
    """Wrong type (by content), too big or too many files: a clear error, nothing saved."""
    data = {**valid_post, "attachments": [_upload(name, content) for name, content in files]}
    response = client.post(URL, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert 'value="Alumbrado público"' in body
    assert Case.objects.count() == 0
    assert Attachment.objects.count() == 0


def test_filing_is_rate_limited(demo_site, client, valid_post, settings):
    """Past the per-IP limit the form answers 429 with a clear message, never a 500."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pqr_filing": "2/m"}
    for n in range(2):
        assert client.post(URL, {**valid_post, "form_token": f"r{n}"}).status_code == 302
    response = client.post(URL, {**valid_post, "form_token": "r3"})
    assert response.status_code == 429
    assert "Demasiados envíos" in response.content.decode()
    assert 'value="Alumbrado público"' in response.content.decode()
    assert Case.objects.count() == 2


def test_logged_in_filing_links_user(demo_site, client, citizen, valid_post):
    """A logged-in citizen's case is linked to the account and listed in "my petitions"."""
    client.force_login(citizen)
    client.post(URL, valid_post)
    case = Case.objects.get()
    assert case.user == citizen
    body = client.get(reverse("pqr:my_cases")).content.decode()
    assert case.radicado in body
    assert client.get(reverse("pqr:my_case", args=[case.radicado])).status_code == 200


def test_my_cases_hides_others(demo_site, client, citizen, make_user, make_case):
    """Citizens never see another person's case in "my petitions"."""
    case = make_case()
    client.force_login(make_user("otra@test.example"))
    assert case.radicado not in client.get(reverse("pqr:my_cases")).content.decode()
    assert client.get(reverse("pqr:my_case", args=[case.radicado])).status_code == 404


def test_acknowledgement_needs_the_session(demo_site, client, make_case):
    """The receipt page is not reachable by guessing a radicado."""
    case = make_case()
    assert client.get(reverse("pqr:acknowledgement", args=[case.radicado])).status_code == 404
