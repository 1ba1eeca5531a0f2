"""A real mail server on loopback for the queue tests (PQRSD acknowledgements,
subscription notifications): aiosmtpd's handler that keeps what it accepts, a
listener that counts connections, and django-tasks-db's worker run in a thread."""

import socket
import threading

from django.db import connection


class Inbox:
    """aiosmtpd handler that keeps every recipient of every message it accepts."""

    def __init__(self):
        self.recipients = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.recipients.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def send_mail_to(settings, port):
    """Real SMTP to 127.0.0.1:``port`` (no TLS), with background work in the database
    queue."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5


def queue_worker(worker_id):
    """django-tasks-db's worker polling the default queue every 0.1 s."""
    from django_tasks_db.management.commands.db_worker import Worker

    return Worker(
        queue_names=["default"],
        interval=0.1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def run_worker(worker):
    """Run ``worker`` (in a thread) and close the thread's database connection after."""
    try:
        worker.run()
    finally:
        connection.close()
