"""The public list of answers to anonymous petitions (standards.md §3)."""

from django.urls import reverse

import pytest

from pqr import workflow
from pqr.models import Status

pytestmark = pytest.mark.django_db

URL = "/es/pqrsd/respuestas-anonimas/"


def _anonymous(make_case, **data):
    values = {"anonymous": True, "name": "", "email": "", "answer_channel": "web"}
    return make_case(**{**values, **data})


def test_lists_only_answers_of_anonymous_petitions(client, make_case, superuser):
    """Radicado, type, dates and the answer; never the petition, the petitioner, the
    internal notes, nor answers to identified or still-open petitions."""
    published = _anonymous(
        make_case, subject="Asunto reservado", description="Descripción reservada"
    )
    workflow.add_note(published, superuser, "Nota interna reservada")
    workflow.transition(published, Status.ANSWERED, superuser, answer="Respuesta pública.")
    identified = make_case(name="Ana Pérez", id_number="1012345678")
    workflow.transition(identified, Status.ANSWERED, superuser, answer="Respuesta privada.")
    pending = _anonymous(make_case)
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert published.radicado in body and "Respuesta pública." in body
    assert "Petición general" in body
    for secret in (
        "Asunto reservado",
        "Descripción reservada",
        "Nota interna reservada",
        "Respuesta privada.",
        identified.radicado,
        "Ana Pérez",
        "1012345678",
        pending.radicado,
    ):
        assert secret not in body, secret


def test_anonymous_with_address_is_not_listed(client, make_case, superuser):
    """A verbal anonymous petition that left a postal address is answered there."""
    case = _anonymous(make_case, address="Calle 13 # 7-30")
    workflow.transition(case, Status.ANSWERED, superuser, answer="Respuesta por correo.")
    assert case.radicado not in client.get(URL).content.decode()


def test_answer_text_is_escaped(client, make_case, superuser):
    case = _anonymous(make_case)
    workflow.transition(case, Status.ANSWERED, superuser, answer="<script>alert(1)</script>")
    body = client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body


@pytest.mark.parametrize("count", [3, 45])
def test_paginated_with_bounded_queries(
    client, make_case, superuser, count, django_assert_max_num_queries
):
    """20 answers a page, newest first, and the same queries whatever the number."""
    cases = []
    for n in range(count):
        case = _anonymous(make_case)
        workflow.transition(case, Status.ANSWERED, superuser, answer=f"Respuesta número {n}.")
        cases.append(case)
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    body = response.content.decode()
    assert body.count('class="pqr-answer"') == min(count, 20)
    assert cases[-1].radicado in body
    if count > 20:
        assert 'rel="next"' in body and cases[0].radicado not in body
        with django_assert_max_num_queries(12):
            last = client.get(URL, {"page": 3}).content.decode()
        assert cases[0].radicado in last and last.count('class="pqr-answer"') == count - 40
    assert client.get(URL, {"page": "x"}).status_code == 200


def test_linked_from_pqrsd_pages_and_tracking(client, make_case, superuser):
    """The list is linked from the PQRSD pages; the tracking page of an answered
    anonymous case points to it."""
    for url in (reverse("pqr:file"), reverse("pqr:track"), reverse("pqr:statistics")):
        assert URL in client.get(url).content.decode(), url
    case = _anonymous(make_case)
    workflow.transition(case, Status.ANSWERED, superuser, answer="Listo.")
    tracking = client.post(
        reverse("pqr:track"), {"radicado": case.radicado, "codigo": case.code}, follow=True
    )
    assert URL in tracking.content.decode()


def test_admin_warns_answer_is_published(client, make_case, superuser):
    case = _anonymous(make_case)
    client.force_login(superuser)
    body = client.get(reverse("pqr_admin:case", args=[case.pk])).content.decode()
    assert "No incluya datos personales" in body
