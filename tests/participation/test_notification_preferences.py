"""The notification preferences of "Mi cuenta" honoured by participation's senders:
"never" for replies or for followed processes means no e-mail; "immediately" sends at
once, in the follower's preferred language; "daily" or "weekly" (the default for
followed processes) holds the item for the digest (tests/subscriptions/test_digests.py)."""

from django.core import mail

import pytest

from cms.models import NotificationPreference
from participation import contributions
from participation.models import Notification
from subscriptions.models import DigestItem

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
    prefer(citizens[3], Kind.FOLLOWED, "immediately")
    with django_capture_on_commit_callbacks(execute=True):
        contributions.post_comment(citizens[1], debate, "Respuesta", "es", parent=root)
    # citizens[0] still hears of replies to their thread; citizens[2] hears nothing
    assert sorted(m.to[0] for m in mail.outbox) == sorted([citizens[0].email, citizens[3].email])


def test_digest_frequencies_hold_the_reply_for_the_digest(
    debate, citizens, django_capture_on_commit_callbacks
):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    contributions.follow(citizens[0], debate, thread=root)
    contributions.follow(citizens[2], debate)  # followed processes default to weekly
    prefer(citizens[0], Kind.REPLIES, "weekly")
    with django_capture_on_commit_callbacks(execute=True):
        reply = contributions.post_comment(citizens[1], debate, "Respuesta", "es", parent=root)
    assert mail.outbox == []
    assert not Notification.objects.filter(kind=Notification.Kind.REPLY).exists()
    held = DigestItem.objects.filter(source=f"comment:{reply.pk}", digest__isnull=True)
    assert sorted(held.values_list("recipient_id", "kind", "event")) == [
        (citizens[0].pk, Kind.REPLIES, "reply"),
        (citizens[2].pk, Kind.FOLLOWED, "comment"),
    ]


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


def test_the_matrix_follows_replies_and_the_norm_followed_processes(citizens):
    """The matrix answers the participant's own comments ("replies to my comments",
    at once by default); the issued norm is news of a followed process (weekly digest by
    default). "never" queues nothing, a digest holds the item."""
    from participation import notifications

    matrix, norm = Notification.Kind.MATRIX, Notification.Kind.NORM
    prefer(citizens[0], Kind.REPLIES, "never")
    prefer(citizens[0], Kind.FOLLOWED, "never")
    prefer(citizens[1], Kind.FOLLOWED, "immediately")
    prefer(citizens[1], Kind.REPLIES, "daily")
    for kind in (matrix, norm):
        assert notifications.queue_consultation(citizens[0].pk, kind, "es", page=1) is None
    assert notifications.queue_consultation(citizens[1].pk, norm, "es", page=1) is not None
    assert notifications.queue_consultation(citizens[1].pk, matrix, "es", page=1) is None
    # defaults: the matrix at once, the norm held for the weekly digest
    assert notifications.queue_consultation(citizens[2].pk, matrix, "es", page=1) is not None
    assert notifications.queue_consultation(citizens[2].pk, norm, "es", page=1) is None
    assert not Notification.objects.filter(user=citizens[0]).exists()
    assert list(Notification.objects.filter(user=citizens[1]).values_list("kind", flat=True)) == [
        norm
    ]
    assert list(Notification.objects.filter(user=citizens[2]).values_list("kind", flat=True)) == [
        matrix
    ]
    held = DigestItem.objects.filter(recipient__in=citizens[1:3])
    assert sorted(held.values_list("recipient_id", "kind", "source")) == sorted(
        [
            (citizens[1].pk, Kind.REPLIES, "matrix:1"),
            (citizens[2].pk, Kind.FOLLOWED, "norm:1"),
        ]
    )
