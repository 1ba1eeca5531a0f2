"""Citizen e-mails go out from the services (web, verbal and demo filings alike),
through the deliver_email task, once each, and a mail server failure never fails
the filing."""

import socket

from django.core import mail
from django.urls import reverse

import pytest

from pqr import workflow
from pqr.filing import file_case
from pqr.models import Case, OutgoingEmail
from pqr.tasks import deliver_email

pytestmark = pytest.mark.django_db

URL = "/es/pqrsd/"


def _closed_port():
    """A loopback port nothing listens on (connections are refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_verbal_filing_sends_the_acknowledgement(
    client, officer, django_capture_on_commit_callbacks
):
    """A petition taken by phone with an address gets the same acknowledgement as a web one."""
    client.force_login(officer)
    data = {
        "channel": "phone",
        "petition_type": "general",
        "name": "Luis Gómez",
        "id_type": "CC",
        "id_number": "79111222",
        "email": "luis@test.example",
        "subject": "Solicitud de poda",
        "description": "Árbol a punto de caer.",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pqr_admin:verbal"), data)
    assert response.status_code == 302
    case = Case.objects.get()
    assert [message.to for message in mail.outbox] == [["luis@test.example"]]
    assert case.radicado in mail.outbox[0].subject
    assert f"radicado={case.radicado}&codigo=" in mail.outbox[0].body


def test_service_filing_sends_the_acknowledgement(django_capture_on_commit_callbacks):
    """file_case itself (used by the demo and any other caller) sends the acknowledgement."""
    data = {
        "petition_type": "general",
        "subject": "Alumbrado",
        "description": "Luminaria apagada.",
        "email": "demo@test.example",
        "consent": True,
    }
    with django_capture_on_commit_callbacks(execute=True):
        filed = file_case(data)
    assert [message.to for message in mail.outbox] == [["demo@test.example"]]
    assert filed.code in mail.outbox[0].body
    assert OutgoingEmail.objects.get().sent_at is not None


def test_no_address_no_email(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        file_case({"petition_type": "general", "subject": "S", "description": "D"})
    assert mail.outbox == [] and not OutgoingEmail.objects.exists()


def test_delivery_happens_once(make_case, superuser, django_capture_on_commit_callbacks):
    """Running the delivery task again for a sent e-mail sends nothing."""
    case = make_case()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(case, "answered", superuser, answer="Se reparó la vía.")
    email = OutgoingEmail.objects.get(kind="status")
    assert sum("Se reparó la vía." in m.body for m in mail.outbox) == 1
    deliver_email.call(email.pk)
    deliver_email.enqueue(email.pk)
    assert sum("Se reparó la vía." in m.body for m in mail.outbox) == 1
    email.refresh_from_db()
    assert email.attempts == 1


def test_filing_survives_a_mail_server_that_is_down(
    settings, client, valid_post, django_capture_on_commit_callbacks, caplog
):
    """With the SMTP server refusing connections the citizen still gets the
    acknowledgement page and the case is stored; the e-mail stays pending, logged."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _closed_port()
    settings.EMAIL_USE_TLS = False
    client.raise_request_exception = False
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_post)
    assert response.status_code == 302
    case = Case.objects.get()
    email = OutgoingEmail.objects.get(case=case)
    assert email.sent_at is None and email.attempts == 1
    assert "not sent after 1 attempt" in caplog.text


def test_email_links_to_the_host_and_port_of_the_filing_request(
    demo_site, client, valid_post, django_capture_on_commit_callbacks
):
    """The tracking link points where the citizen filed (never a fixed port 8000)."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, valid_post, HTTP_HOST="portal.example:8123")
    case = Case.objects.get(email=valid_post["email"])
    (message,) = [m for m in mail.outbox if m.to == [valid_post["email"]]]
    expected = f"http://portal.example:8123/es/pqrsd/consulta/?radicado={case.radicado}&codigo="
    assert expected in message.body
    assert ":8000" not in message.body


def test_email_sent_outside_a_request_links_to_portal_base_url(
    settings, django_capture_on_commit_callbacks
):
    """A filing without a request (demo, verbal import) uses PORTAL_BASE_URL."""
    settings.PORTAL_BASE_URL = "http://127.0.0.1:8123"
    data = {"petition_type": "general", "subject": "S", "description": "D"}
    with django_capture_on_commit_callbacks(execute=True):
        filed = file_case({**data, "email": "base@test.example", "consent": True})
    (message,) = [m for m in mail.outbox if m.to == ["base@test.example"]]
    assert f"http://127.0.0.1:8123/es/pqrsd/consulta/?radicado={filed.case.radicado}" in (
        message.body
    )
