"""Daily and weekly digests: what a citizen chose to hear about daily or weekly is held
and sent once, in one message per citizen, by ``manage.py send_digests``; "immediately"
sends at once and never in a digest; "never" sends nothing."""

import io
import threading

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import translation

import pytest

from cms.models import NotificationPreference
from subscriptions import digests
from subscriptions.models import Digest, DigestItem

from .conftest import messages_to

Kind = NotificationPreference.Kind


@pytest.fixture(autouse=True)
def _nothing_held(db):
    """The demo site's comments held items for its followers: start from none."""
    DigestItem.objects.all().delete()


def prefer(user, kind, frequency):
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"frequency": frequency}
    )


def run(period, capture):
    with capture(execute=True):
        call_command("send_digests", period=period, stdout=io.StringIO())


@pytest.fixture
def readers(make_user, subscribe):
    """Three signed-in citizens subscribed to the news: immediately, daily, never."""
    users = {}
    for frequency in ("immediately", "daily", "never"):
        user = make_user(f"{frequency}@test.example")
        prefer(user, Kind.DIGESTS, frequency)
        subscribe(user.email, user=user)
        users[frequency] = user
    return users


@pytest.mark.django_db
def test_each_preference_is_honoured_for_new_items_of_a_list(
    demo_site, readers, publish_news, django_capture_on_commit_callbacks
):
    page = publish_news("Vacunación en las comunas")
    # At once: only the citizen who chose "immediately".
    assert [m.to for m in mail.outbox] == [[readers["immediately"].email]]
    mail.outbox.clear()

    run("weekly", django_capture_on_commit_callbacks)
    assert mail.outbox == []  # nobody chose weekly
    run("daily", django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[readers["daily"].email]]
    assert page.title in mail.outbox[0].body
    assert not DigestItem.objects.exclude(recipient=readers["daily"]).exists()


@pytest.mark.django_db
def test_running_the_job_twice_sends_each_item_once(
    demo_site, readers, publish_news, django_capture_on_commit_callbacks
):
    daily = readers["daily"]
    first = publish_news("Cierre de vías")
    run("daily", django_capture_on_commit_callbacks)
    run("daily", django_capture_on_commit_callbacks)
    second = publish_news("Feria del empleo")
    mail.outbox.clear()
    run("daily", django_capture_on_commit_callbacks)
    run("daily", django_capture_on_commit_callbacks)

    sent = messages_to(daily.email)
    assert len(sent) == 1
    assert second.title in sent[0].body and first.title not in sent[0].body
    assert Digest.objects.filter(recipient=daily).count() == 2
    assert not DigestItem.objects.filter(digest__isnull=True).exists()
    # holding an item again adds nothing
    digests.hold(daily.pk, Kind.DIGESTS, "news", f"announcement:{1}")
    digests.hold(daily.pk, Kind.DIGESTS, "news", f"announcement:{1}")
    assert DigestItem.objects.filter(recipient=daily, source="announcement:1").count() == 1


@pytest.mark.django_db
def test_a_reply_held_daily_goes_in_the_daily_digest_only(
    demo_site, citizen, newsroom, django_capture_on_commit_callbacks
):
    prefer(citizen, Kind.REPLIES, "daily")
    prefer(citizen, Kind.FOLLOWED, "weekly")
    digests.hold(citizen.pk, Kind.REPLIES, "reply", "comment:1", newsroom.pk)
    digests.hold(citizen.pk, Kind.FOLLOWED, "comment", "comment:2", newsroom.pk)
    run("daily", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    with translation.override("es"):  # the citizen's language
        assert str(digests.EVENTS["reply"]) in mail.outbox[0].body
        assert str(digests.EVENTS["comment"]) not in mail.outbox[0].body
    mail.outbox.clear()
    run("weekly", django_capture_on_commit_callbacks)
    with translation.override("es"):
        assert str(digests.EVENTS["comment"]) in mail.outbox[0].body


@pytest.mark.django_db
def test_the_digest_is_in_the_recipients_language_with_unsubscribe_headers(
    demo_site, citizen, newsroom, client, django_capture_on_commit_callbacks
):
    citizen.preferred_language = "en"
    citizen.save(update_fields=["preferred_language"])
    prefer(citizen, Kind.REPLIES, "daily")
    digests.hold(citizen.pk, Kind.REPLIES, "reply", "comment:1", newsroom.pk)
    run("daily", django_capture_on_commit_callbacks)

    message = mail.outbox[0]
    assert message.subject == "Your daily digest: 1 new item"
    assert "A reply in a thread you follow" in message.body
    assert "/en/mi-cuenta/#account-settings" in message.body
    html = message.alternatives[0][0]
    assert '<html lang="en">' in html and "<h2>Replies to my comments</h2>" in html
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/en/suscripciones/resumen/baja/" in url

    # One click (no CSRF token, no sign-in) stops the daily digest.
    path = url.split("://", 1)[1].split("/", 1)[1]
    assert client.get(f"/{path}").status_code == 200
    assert NotificationPreference.frequency_for(citizen.pk, Kind.REPLIES) == "daily"
    response = client.post(f"/{path}")
    assert response.status_code == 200
    assert NotificationPreference.frequency_for(citizen.pk, Kind.REPLIES) == "never"
    # a forged token changes nothing
    assert client.post(f"/{path[:-3]}x0/").status_code == 400


@pytest.mark.django_db
def test_spanish_digest_for_a_citizen_without_a_preferred_language(
    demo_site, citizen, newsroom, django_capture_on_commit_callbacks
):
    prefer(citizen, Kind.REPLIES, "daily")
    digests.hold(citizen.pk, Kind.REPLIES, "reply", "comment:1", newsroom.pk)
    run("daily", django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    assert '<html lang="es">' in message.alternatives[0][0]
    assert "/es/mi-cuenta/#account-settings" in message.body
    assert newsroom.title in message.body


CITIZENS = 40
ITEMS = 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_runs_send_each_item_once(django_user_model):
    """Two runs at once on PostgreSQL (SKIP LOCKED and a conditional update): every
    item is in exactly one digest, and each citizen gets one message."""
    users = [
        django_user_model.objects.create_user(username=f"c{n}", email=f"c{n}@test.example")
        for n in range(CITIZENS)
    ]
    for user in users:
        prefer(user, Kind.REPLIES, "daily")
        for n in range(ITEMS):
            digests.hold(user.pk, Kind.REPLIES, "reply", f"comment:{n}")
    mail.outbox.clear()
    barrier = threading.Barrier(2)
    errors = []

    def job():
        try:
            barrier.wait()
            digests.collect("daily")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=job) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert not DigestItem.objects.filter(digest__isnull=True).exists()
    assert Digest.objects.count() == CITIZENS
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
    assert Digest.objects.filter(sent_at__isnull=False).count() == CITIZENS
