"""A NUL byte anywhere a client controls ends the request with a translated 400 before
it reaches a view or the database (PostgreSQL cannot hold NUL in text; issue 9, item 5)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import pytest

from pqr.models import Case

pytestmark = pytest.mark.django_db

MESSAGE = "La solicitud contiene un carácter no permitido (un byte nulo)."


@pytest.fixture
def stranger():
    return Client(raise_request_exception=False)


def assert_refused(response):
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == MESSAGE


@pytest.mark.parametrize(
    "path",
    [
        "/es/pqrsd/radicado/abc%00/",
        "/es/pqrsd/mis-peticiones/abc%00/",
        "/es/inicio%00/",
        "/es/buscar/?q=agua%00",
        "/es/pqrsd/consulta/?radicado=PQRSD-2026-000001%00&codigo=x",
        "/es/pqrsd/respuestas-anonimas/?page%00=2",
    ],
)
def test_nul_in_the_path_or_query_string_is_a_400(stranger, demo_site, path):
    assert_refused(stranger.get(path))


def test_nul_in_a_signed_in_path_is_a_400(demo_site, citizen):
    client = Client(raise_request_exception=False)
    client.force_login(citizen)
    assert_refused(client.get("/es/pqrsd/mis-peticiones/abc%00/"))


def test_nul_in_an_urlencoded_form_value_is_a_400(stranger, demo_site):
    response = stranger.post(
        "/es/pqrsd/consulta/completar/",
        "radicado=PQRSD-2026-000001%00&codigo=abc&text=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert_refused(response)


def test_nul_in_a_multipart_field_is_a_400(stranger, demo_site):
    before = Case.objects.count()
    assert_refused(
        stranger.post("/es/pqrsd/consulta/completar/", {"radicado": "A\x00", "codigo": "x"})
    )
    assert_refused(stranger.post("/es/pqrsd/", {"subject": "Agua\x00", "description": "x"}))
    upload = SimpleUploadedFile("carta.pdf", b"%PDF-1.4", content_type="application/pdf")
    payload = {"subject": "Agua", "description": "x\x00", "attachments": upload}
    assert_refused(stranger.post("/es/pqrsd/", payload))
    assert Case.objects.count() == before


def test_nul_in_a_cookie_is_a_400(stranger, demo_site):
    stranger.cookies["sessionid"] = "abc\x00"
    assert_refused(stranger.get("/es/"))


def test_an_ordinary_request_goes_through(stranger, demo_site):
    assert stranger.get("/es/buscar/?q=agua").status_code == 200
