"""The real queue (PostgreSQL): django-tasks-db's database backend, its worker, and a
real SMTP server on loopback that is down while citizens file their petitions."""

import socket
import threading
import time
from collections import Counter

from django.db import connection
from django.test import Client

import pytest
from aiosmtpd.controller import Controller
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from pqr.models import Case, OutgoingEmail

URL = "/es/pqrsd/"
FILINGS = 20


class Inbox:
    """aiosmtpd handler that keeps every recipient of every message it accepts."""

    def __init__(self):
        self.recipients = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.recipients.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class CountingListener:
    """A socket on the mail port that counts every connection and drops it: proof
    that nothing talks to SMTP while it is open."""

    def __init__(self, port):
        self.connections = 0
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(64)
        self.sock.settimeout(0.1)
        self.open = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.open:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.open = False
        self.thread.join(timeout=5)
        self.sock.close()


def _run(worker):
    try:
        worker.run()
    finally:
        connection.close()


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
    port = _free_port()
    settings.RATELIMIT_ENABLE = False
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    settings.PQR_EMAIL_RETRY_SECONDS = 0.25
    settings.PQR_EMAIL_MAX_ATTEMPTS = 12
    before = set(Case.objects.values_list("pk", flat=True))

    worker = Worker(
        queue_names=["default"],
        interval=0.1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=_run, args=(worker,), daemon=True)
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
