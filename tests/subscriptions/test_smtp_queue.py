"""The real queue (PostgreSQL): django-tasks-db's backend and worker, and a real SMTP
server on loopback that is down while a news item goes to 100 subscribers."""

import threading
import time
from collections import Counter

from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale

import pytest
from aiosmtpd.controller import Controller
from django_tasks_db.models import DBTaskResult

from subscriptions.models import Delivery, Subscription
from tests.smtp import Inbox, free_port, queue_worker, run_worker, send_mail_to

SUBSCRIBERS = 100


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_smtp_down_then_up_delivers_each_notification_once(settings, demo_site):
    """Publishing enqueues one fan-out task whatever the number of subscribers; the
    worker fans out to 100 while the mail server is down, retries, and when the
    server comes back each subscriber gets the item exactly once, none lost."""
    from home.models import NewsIndexPage, NewsPage

    port = free_port()
    send_mail_to(settings, port)
    settings.SUBSCRIPTIONS_RETRY_SECONDS = 0.25
    settings.SUBSCRIPTIONS_MAX_ATTEMPTS = 20  # back-off capped at 16 s: ~4 min before a bounce
    now = timezone.now()
    addresses = [f"suscriptor{n}@test.example" for n in range(SUBSCRIBERS)]
    Subscription.objects.bulk_create(
        Subscription(email=email, list_key="news", language="es", confirmed_at=now, consent_at=now)
        for email in addresses
    )
    newsroom = NewsIndexPage.objects.live().filter(locale=Locale.objects.get(language_code="es"))[0]
    page = NewsPage(title="Cierre de vías", slug=slugify("Cierre de vías"), introduction="x")
    newsroom.add_child(instance=page)
    page.save_revision().publish()

    # The request enqueued ONE task; the fan-out happens in the worker.
    assert DBTaskResult.objects.filter(task_path="subscriptions.tasks.fan_out").count() == 1
    assert not DBTaskResult.objects.filter(task_path="subscriptions.tasks.deliver").exists()

    worker = queue_worker("subscriptions-test-worker")
    thread = threading.Thread(target=run_worker, args=(worker,), daemon=True)
    thread.start()
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    started = False
    deliveries = Delivery.objects.filter(announcement__page=page)
    try:
        # Generous bounds: CI runs this beside the SQLite pass on a loaded 2-core machine.
        deadline = time.monotonic() + 120
        while deliveries.filter(attempts__gte=2).count() < SUBSCRIBERS:
            assert time.monotonic() < deadline, "the worker never retried every delivery"
            time.sleep(0.2)
        assert inbox.recipients == []
        assert deliveries.count() == SUBSCRIBERS
        assert not deliveries.filter(sent_at__isnull=False).exists()

        controller.start()
        started = True
        deadline = time.monotonic() + 180
        while deliveries.filter(sent_at__isnull=True).exists():
            assert time.monotonic() < deadline, "notifications still pending"
            time.sleep(0.2)
        time.sleep(1)  # a duplicate, if any, would arrive now
    finally:
        worker.running = False
        thread.join(timeout=10)
        if started:
            controller.stop()

    assert Counter(inbox.recipients) == Counter(addresses)
    assert not deliveries.filter(bounced=True).exists()
