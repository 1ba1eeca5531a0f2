"""Colombian document numbers (CC, CE, TI, NIT with its DIAN check digit, passport)
and phone numbers: valid forms are accepted and normalised, others get a clear error
and the rest of the citizen's input is kept."""

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from pqr.identity import DocumentType, nit_check_digit, normalise_document, normalise_phone
from pqr.models import Case

URL = "/es/pqrsd/"


@pytest.mark.parametrize(
    ("number", "check"),
    [("800197268", 4), ("899999090", 2), ("900123456", 8), ("860034313", 7)],
)
def test_nit_check_digit_follows_the_dian_algorithm(number, check):
    assert nit_check_digit(number) == check


@pytest.mark.parametrize(
    ("kind", "value", "normal"),
    [
        ("CC", "1012345678", "1012345678"),
        ("CC", "1.012.345.678", "1012345678"),
        ("CC", "79 111 222", "79111222"),
        ("CC", "123", "123"),
        ("CE", "1234567", "1234567"),
        ("CE", "e12345", "E12345"),
        ("TI", "1000123456", "1000123456"),
        ("TI", "10001234567", "10001234567"),
        ("NIT", "900123456-8", "900123456-8"),
        ("NIT", "900.123.456-8", "900123456-8"),
        ("NIT", "9001234568", "900123456-8"),
        ("NIT", "800197268-4", "800197268-4"),
        ("PA", "ab123456", "AB123456"),
        ("PA", "X1234", "X1234"),
    ],
)
def test_valid_documents_are_normalised(kind, value, normal):
    assert normalise_document(DocumentType(kind), value) == normal


@pytest.mark.parametrize(
    ("kind", "value", "code"),
    [
        ("CC", "12", "invalid_document"),
        ("CC", "12345678901", "invalid_document"),
        ("CC", "10123A5678", "invalid_document"),
        ("CC", "<script>", "invalid_document"),
        ("CE", "12345678", "invalid_document"),
        ("CE", "12-3*", "invalid_document"),
        ("TI", "123456789", "invalid_document"),
        ("TI", "123456789012", "invalid_document"),
        ("NIT", "900123456-7", "invalid_nit_check_digit"),
        ("NIT", "9001234567", "invalid_nit_check_digit"),
        ("NIT", "90012345-6", "invalid_document"),
        ("NIT", "900123456", "invalid_document"),
        ("PA", "AB12", "invalid_document"),
        ("PA", "A" * 21, "invalid_document"),
        ("PA", "AB 12/34", "invalid_document"),
        ("XX", "1012345678", "invalid_type"),
    ],
)
def test_invalid_documents_are_refused(kind, value, code):
    with pytest.raises(ValidationError) as error:
        normalise_document(kind, value)
    assert error.value.code == code


@pytest.mark.parametrize(
    ("value", "normal"),
    [
        ("3001234567", "3001234567"),
        ("300 123 4567", "3001234567"),
        ("300-123-4567", "3001234567"),
        ("+57 300 123 4567", "3001234567"),
        ("573001234567", "3001234567"),
        ("601 575 5700", "6015755700"),
        ("(601) 575-5700", "6015755700"),
        ("+57 604 444 1234", "6044441234"),
    ],
)
def test_valid_phones_are_normalised(value, normal):
    assert normalise_phone(value) == normal


@pytest.mark.parametrize(
    "value",
    ["5755700", "2001234567", "30012345678", "300123456", "609 123 4567", "+1 300 123 4567", "abc"],
)
def test_invalid_phones_are_refused(value):
    with pytest.raises(ValidationError) as error:
        normalise_phone(value)
    assert error.value.code == "invalid_phone"


@pytest.mark.django_db
def test_filing_normalises_document_and_phone(demo_site, client, valid_post):
    data = {
        **valid_post,
        "id_type": "NIT",
        "id_number": "900.123.456-8",
        "phone": "+57 (601) 575 5700",
    }
    assert client.post(URL, data).status_code == 302
    case = Case.objects.get()
    assert (case.id_type, case.id_number, case.phone) == ("NIT", "900123456-8", "6015755700")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"id_type": "NIT", "id_number": "900123456-7"},
            "id_number",
            "El dígito de verificación de este NIT",
        ),
        (
            {"id_type": "CC", "id_number": "12"},
            "id_number",
            "Una cédula de ciudadanía tiene de 3 a 10 dígitos.",
        ),
        (
            {"id_type": "", "id_number": "1012345678"},
            "id_type",
            "Elija el tipo de documento de identidad.",
        ),
        ({"phone": "12345"}, "phone", "Indique un número de teléfono colombiano"),
    ],
)
def test_filing_form_errors_keep_the_other_input(
    demo_site, client, valid_post, changes, field, message
):
    response = client.post(URL, {**valid_post, **changes})
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert f'id="id_{field}_errors"' in body
    assert 'value="Alumbrado público"' in body and 'value="ana@test.example"' in body
    assert "La luminaria del parque no funciona" in body
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_anonymous_filing_drops_identity(demo_site, client, valid_post):
    data = {**valid_post, "anonymous": "on", "id_type": "CC", "id_number": "12", "phone": "x"}
    assert client.post(URL, data).status_code == 302
    case = Case.objects.get()
    assert (case.id_type, case.id_number, case.phone) == ("", "", "")


@pytest.mark.django_db
def test_verbal_petition_validates_identity(client, officer):
    client.force_login(officer)
    data = {
        "channel": "phone",
        "petition_type": "general",
        "name": "Luis Gómez",
        "id_type": "TI",
        "id_number": "79111222",
        "phone": "311 222 3344",
        "subject": "Solicitud de poda",
        "description": "Árbol a punto de caer.",
    }
    response = client.post(reverse("pqr_admin:verbal"), data)
    assert response.status_code == 200 and Case.objects.count() == 0
    assert "Una tarjeta de identidad tiene 10 u 11 dígitos." in response.content.decode()
    response = client.post(reverse("pqr_admin:verbal"), {**data, "id_number": "1000123456"})
    assert response.status_code == 302
    assert Case.objects.get().phone == "3112223344"
