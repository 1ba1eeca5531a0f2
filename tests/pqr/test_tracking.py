"""Tracking, satisfaction rating and statistics."""

import re

from django.urls import reverse

import pytest

from pqr import workflow
from pqr.models import Rating, Status

pytestmark = pytest.mark.django_db

TRACK = "/es/pqrsd/consulta/"
CSRF = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')
NONCE = re.compile(r' nonce="[^"]*"')


def test_tracking_with_code(demo_site, client, make_case):
    """Radicado plus code shows state, history and due date."""
    case = make_case()
    response = client.post(TRACK, {"radicado": case.radicado, "codigo": case.code}, follow=True)
    body = response.content.decode()
    assert response.status_code == 200
    assert case.radicado in body and "Recibida" in body


def test_only_a_hash_of_the_code_is_stored(demo_site, client, make_case):
    """The stored value is a SHA-256 of the code, never the code; codes stored with
    Django's password hasher by earlier versions keep working."""
    from django.contrib.auth.hashers import make_password

    case = make_case()
    assert case.code not in case.tracking_code_hash
    assert case.tracking_code_hash.startswith("sha256$")
    case.tracking_code_hash = make_password(case.code)
    case.save(update_fields=["tracking_code_hash"])
    ok = client.post(TRACK, {"radicado": case.radicado, "codigo": case.code}, follow=True)
    wrong = client.post(TRACK, {"radicado": case.radicado, "codigo": case.code + "x"})
    assert (ok.status_code, wrong.status_code) == (200, 404)


def test_tracking_lowercase_radicado(demo_site, client, make_case):
    """The radicado is matched case-insensitively."""
    case = make_case()
    response = client.post(
        TRACK, {"radicado": case.radicado.lower(), "codigo": case.code}, follow=True
    )
    assert response.status_code == 200


def test_wrong_code_same_as_wrong_radicado(demo_site, client, make_case):
    """A wrong code answers exactly like an unknown radicado."""
    case = make_case()
    wrong_code = client.post(TRACK, {"radicado": case.radicado, "codigo": "nope"})
    wrong_number = client.post(TRACK, {"radicado": "PQRSD-2099-000001", "codigo": case.code})
    assert wrong_code.status_code == wrong_number.status_code == 404
    assert 'id="not-found"' in wrong_code.content.decode()
    assert case.subject not in wrong_code.content.decode()

    def strip(response):
        body = NONCE.sub("", CSRF.sub("", response.content.decode()))
        return body.replace(case.radicado, "").replace("PQRSD-2099-000001", "")

    assert strip(wrong_code).replace("nope", "") == strip(wrong_number).replace(case.code, "")


def test_tracking_is_rate_limited(demo_site, client, make_case, settings):
    """Lookups past the per-IP limit get 429 with a clear message."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pqr_tracking": "2/m"}
    case = make_case()
    for _ in range(2):
        client.post(TRACK, {"radicado": case.radicado, "codigo": "x"})
    response = client.post(TRACK, {"radicado": case.radicado, "codigo": case.code}, follow=True)
    assert response.status_code == 429
    assert "Demasiadas consultas" in response.content.decode()


def test_tracking_shows_answer_and_rating(demo_site, client, make_case, superuser):
    """After the answer the citizen sees it and may rate it once."""
    case = make_case()
    workflow.transition(case, Status.ANSWERED, superuser, answer="Respuesta publicada.")
    query = {"radicado": case.radicado, "codigo": case.code}
    body = client.post(TRACK, query, follow=True).content.decode()
    assert "Respuesta publicada." in body and "Califique la respuesta" in body
    response = client.post(reverse("pqr:rate"), {**query, "score": "4", "comment": "Bien"})
    assert response.status_code == 302
    client.post(reverse("pqr:rate"), {**query, "score": "1"})
    assert Rating.objects.get(case=case).score == 4
    assert "Gracias por calificar" in client.post(TRACK, query, follow=True).content.decode()


def test_rating_needs_answer_and_code(demo_site, client, make_case):
    """No rating before the answer, nor with a wrong code."""
    case = make_case()
    client.post(reverse("pqr:rate"), {"radicado": case.radicado, "codigo": case.code, "score": "5"})
    bad = client.post(reverse("pqr:rate"), {"radicado": case.radicado, "codigo": "x", "score": "5"})
    assert bad.status_code == 404
    assert not Rating.objects.exists()


def test_statistics_page_and_csv(demo_site, client, make_case, superuser):
    """The quarterly report counts received, answered and transferred cases, also as CSV."""
    first, second = make_case(), make_case(petition_type="documents")
    workflow.transition(first, Status.ANSWERED, superuser, answer="Listo")
    workflow.transition(second, Status.TRANSFERRED, superuser, transferred_to="ICBF")
    year = first.year
    page = client.get(reverse("pqr:statistics"), {"year": year})
    assert page.status_code == 200
    csv_response = client.get(reverse("pqr:statistics_csv"), {"year": year})
    body = csv_response.getvalue().decode()
    assert body.startswith("\ufeff")
    lines = body[1:].splitlines()
    assert lines[0].startswith("Trimestre,Recibidas (total)")
    quarter = (first.received_at.month - 1) // 3 + 1
    row = lines[quarter].split(",")
    assert row[1] == "2"
    assert row[-3:-1] == ["0", "1"] and row[-4] == "1"


@pytest.mark.parametrize("count", [5, 200])
def test_statistics_queries_bounded(
    demo_site, client, make_case, count, django_assert_max_num_queries
):
    """The report runs a fixed number of queries whatever the number of cases."""
    case = make_case()
    for n in range(count - 1):
        make_case(subject=f"Caso {n}")
    with django_assert_max_num_queries(12):
        client.get(reverse("pqr:statistics"), {"year": case.year})
