"""The notification preferences of "Mi cuenta" honoured by participation's senders:
"never" for replies or for followed processes means no e-mail; the default sends at
once, in the follower's preferred language."""

from django.core import mail

import pytest

from cms.models import NotificationPreference
from participation import contributions
from participation.models import Notification

pytestmark = pytest.mark.django_db

Kind = NotificationPreference.Kind


def prefer(user, kind, frequency):
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"frequency": frequency}
    )


def test_never_for_replies_means_no_email_on_a_reply(
    debate, citizens, django_capture_on_commit_callbacks
):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    contributions.follow(citizens[0], debate, thread=root)
    other_root = contributions.post_comment(citizens[2], debate, "Otra raíz", "es")
    contributions.follow(citizens[2], debate, thread=other_root)
    prefer(citizens[0], Kind.REPLIES, "never")
    with django_capture_on_commit_callbacks(execute=True):
        contributions.post_comment(citizens[1], debate, "Respuesta", "es", parent=root)
        contributions.post_comment(citizens[1], debate, "Respuesta", "es", parent=other_root)
    assert [m.to for m in mail.outbox] == [[citizens[2].email]]
    assert not Notification.objects.filter(user=citizens[0]).exists()


def test_never_for_followed_news_silences_the_debate_follow_only(
    debate, citizens, django_capture_on_commit_callbacks
):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    contributions.follow(citizens[0], debate, thread=root)
    contributions.follow(citizens[2], debate)
    contributions.follow(citizens[3], debate)
    for citizen in (citizens[0], citizens[2]):
        prefer(citizen, Kind.FOLLOWED, "never")
    with django_capture_on_commit_callbacks(execute=True):
        contributions.post_comment(citizens[1], debate, "Respuesta", "es", parent=root)
    # citizens[0] still hears of replies to their thread; citizens[2] hears nothing
    assert sorted(m.to[0] for m in mail.outbox) == sorted([citizens[0].email, citizens[3].email])


def test_digest_frequencies_still_deliver_until_the_digest_job_exists(
    debate, citizens, django_capture_on_commit_callbacks
):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    contributions.follow(citizens[0], debate, thread=root)
    prefer(citizens[0], Kind.REPLIES, "weekly")
    with django_capture_on_commit_callbacks(execute=True):
        contributions.post_comment(citizens[1], debate, "Respuesta", "es", parent=root)
    assert [m.to for m in mail.outbox] == [[citizens[0].email]]


def test_reply_is_written_in_the_followers_preferred_language(
    debate, citizens, django_capture_on_commit_callbacks
):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    contributions.follow(citizens[0], debate, thread=root)
    citizens[0].preferred_language = "en"
    citizens[0].save(update_fields=["preferred_language"])
    with django_capture_on_commit_callbacks(execute=True):
        contributions.post_comment(citizens[1], debate, "Respuesta", "es", parent=root)
    assert Notification.objects.get(user=citizens[0]).language == "en"
    assert len(mail.outbox) == 1


def test_never_for_followed_news_skips_a_consultations_matrix_and_norm(citizens):
    from participation import notifications

    prefer(citizens[0], Kind.FOLLOWED, "never")
    for kind in (Notification.Kind.MATRIX, Notification.Kind.NORM):
        assert notifications.queue_consultation(citizens[0].pk, kind, "es", page=1) is None
        assert notifications.queue_consultation(citizens[1].pk, kind, "es", page=1) is not None
    assert not Notification.objects.filter(user=citizens[0]).exists()
