"""The staff inbox in the Wagtail admin."""

from django.urls import reverse

import pytest

from pqr.models import Case, Channel, Status

pytestmark = pytest.mark.django_db


def test_inbox_access(client, officer, citizen, editor, superuser):
    """Officials and superusers open the inbox; citizens and editors cannot."""
    url = reverse("pqr_admin:inbox")
    for user, ok in ((officer, True), (superuser, True), (editor, False), (citizen, False)):
        client.force_login(user)
        response = client.get(url)
        assert (response.status_code == 200) is ok, user


def test_inbox_shows_only_own_dependency(client, officer, dependencies, make_case):
    """An official lists and opens only the cases of their dependencies."""
    mine = make_case(dependency=dependencies[0], subject="Caso mío")
    other = make_case(dependency=dependencies[1], subject="Caso ajeno")
    client.force_login(officer)
    body = client.get(reverse("pqr_admin:inbox")).content.decode()
    assert mine.radicado in body and other.radicado not in body
    # A 404 under /admin/ becomes LocaleMiddleware's redirect to /es/admin/...
    assert client.get(reverse("pqr_admin:case", args=[other.pk])).status_code in (302, 404)
    assert client.get(reverse("pqr_admin:case", args=[mine.pk])).status_code == 200


def test_inbox_highlights_overdue(client, superuser, make_case):
    """Overdue cases are marked in the list."""
    case = make_case()
    Case.objects.filter(pk=case.pk).update(due_date="2020-01-01")
    client.force_login(superuser)
    assert 'class="pqr-overdue"' in client.get(reverse("pqr_admin:inbox")).content.decode()


@pytest.mark.parametrize("count", [5, 200])
def test_inbox_queries_bounded(client, superuser, make_case, count, django_assert_max_num_queries):
    """The inbox runs the same number of queries with 5 or 200 cases."""
    for n in range(count):
        make_case(subject=f"Caso {n}")
    client.force_login(superuser)
    with django_assert_max_num_queries(30):
        assert client.get(reverse("pqr_admin:inbox")).status_code == 200


def test_answer_in_admin(client, officer, dependencies, make_case):
    """An official answers a case from the admin and the answer is stored."""
    case = make_case(dependency=dependencies[0])
    client.force_login(officer)
    url = reverse("pqr_admin:case", args=[case.pk])
    data = {"action": "transition", "status": "answered", "answer": "Respuesta oficial."}
    response = client.post(url, data)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.ANSWERED and case.answer == "Respuesta oficial."


def test_invalid_transition_in_admin(client, superuser, make_case):
    """Answering without text shows the error and changes nothing."""
    case = make_case()
    client.force_login(superuser)
    url = reverse("pqr_admin:case", args=[case.pk])
    response = client.post(url, {"action": "transition", "status": "answered", "answer": ""})
    assert response.status_code == 200
    assert "Escriba la respuesta" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.RECEIVED


def test_verbal_petition(client, officer):
    """Staff record a phone petition with the Decreto 1166 fields and the receiving official."""
    client.force_login(officer)
    data = {
        "channel": "phone",
        "petition_type": "general",
        "name": "Luis Gómez",
        "id_type": "CC",
        "id_number": "79111222",
        "address": "Calle 13 # 7-30",
        "subject": "Solicitud de poda",
        "description": "Árbol a punto de caer.",
        "documents": "Ninguno",
        "consent": "on",
    }
    response = client.post(reverse("pqr_admin:verbal"), data)
    case = Case.objects.get()
    assert response.status_code == 302
    assert case.channel == Channel.PHONE and case.received_by == officer
    assert case.documents == "Ninguno" and case.answer_channel == "postal"


def test_reminder_task(officer, dependencies, make_case, mailoutbox):
    """The daily task e-mails officials their overdue and due-soon cases."""
    from django.core.management import call_command

    case = make_case(dependency=dependencies[0])
    Case.objects.filter(pk=case.pk).update(due_date="2020-01-01")
    make_case(dependency=dependencies[1])
    call_command("pqr_due_reminders")
    mine = [message for message in mailoutbox if message.to == [officer.email]]
    assert len(mine) == 1 and case.radicado in mine[0].body
    assert "PQRSD-" not in mine[0].body.replace(case.radicado, "")
