"""The real queue (PostgreSQL): django-tasks-db's database backend, its worker, and a
real SMTP server on loopback that is down while citizens file their petitions."""

import threading
import time
from collections import Counter

from django.test import Client

import pytest
from aiosmtpd.controller import Controller
from django_tasks_db.models import DBTaskResult

from pqr.models import Case, OutgoingEmail
from tests.smtp import CountingListener, Inbox, free_port, queue_worker, run_worker, send_mail_to

URL = "/es/pqrsd/"
FILINGS = 20


def _data(n):
    return {
        "form_token": f"queue-{n}",
        "petition_type": "general",
        "subject": "Alumbrado público",
        "description": "La luminaria del parque no funciona.",
        "name": "Ana Pérez",
        "id_type": "CC",
        "id_number": "1012345678",
        "email": f"ciudadano{n}@test.example",
        "answer_channel": "email",
        "consent": "on",
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_smtp_down_then_up_delivers_each_acknowledgement_once(settings, demo_site):
    """20 filings never touch the mail server; while it is down the worker retries,
    and when it comes back each acknowledgement is delivered exactly once, none lost."""
    port = free_port()
    settings.RATELIMIT_ENABLE = False
    send_mail_to(settings, port)
    settings.PQR_EMAIL_RETRY_SECONDS = 0.25
    settings.PQR_EMAIL_MAX_ATTEMPTS = 12
    before = set(Case.objects.values_list("pk", flat=True))

    worker = queue_worker("test-worker")
    thread = threading.Thread(target=run_worker, args=(worker,), daemon=True)
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    started = False
    try:
        client = Client()
        listener = CountingListener(port)
        try:
            for n in range(FILINGS):
                response = client.post(URL, _data(n))
                assert response.status_code in (200, 302), response.status_code
        finally:
            listener.close()
        # The filing itself never opens a connection to the mail server: the
        # acknowledgement waits in the queue, so a slow or dead SMTP cannot slow it.
        assert listener.connections == 0
        new = Case.objects.exclude(pk__in=before)
        assert new.count() == FILINGS
        emails = OutgoingEmail.objects.filter(case__in=new)
        # The mail port is now closed (connection refused) and the worker starts.
        thread.start()
        # Nothing was delivered, and the worker has already failed and rescheduled.
        deadline = time.monotonic() + 10
        while not emails.filter(attempts__gte=2).exists():
            assert time.monotonic() < deadline, "the worker never retried"
            time.sleep(0.1)
        assert inbox.recipients == []
        queued = DBTaskResult.objects.filter(task_path="pqr.tasks.deliver_email")
        assert queued.count() >= FILINGS
        assert not emails.filter(sent_at__isnull=False).exists()

        controller.start()
        started = True
        deadline = time.monotonic() + 40
        while emails.filter(sent_at__isnull=True).exists():
            assert time.monotonic() < deadline, "acknowledgements still pending"
            time.sleep(0.2)
        time.sleep(1)  # a duplicate, if any, would arrive now
    finally:
        worker.running = False
        if thread.is_alive():
            thread.join(timeout=10)
        if started:
            controller.stop()

    expected = Counter(f"ciudadano{n}@test.example" for n in range(FILINGS))
    assert Counter(inbox.recipients) == expected
    assert emails.filter(kind="acknowledgement").count() == FILINGS
