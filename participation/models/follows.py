"""Follows (a debate or one thread) and the e-mail outbox of participation: every
message is a row first, sent by a background task, so none is sent in a request and
none is lost when SMTP is down."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from .comments import Comment


class Follow(models.Model):
    """E-mails on new comments in a debate (``thread`` empty) or on replies in one
    thread. ``token`` is the one-click unsubscribe key: no sign-in needed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participation_follows"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "page"],
                condition=models.Q(thread__isnull=True),
                name="participation_follow_page_once",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=models.Q(thread__isnull=False),
                name="participation_follow_thread_once",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} follows {self.thread_id or self.page_id}"


class Notification(models.Model):
    """One e-mail to a participant (a reply, a moderation decision, a proposal's
    outcome, a consultation's matrix or issued norm), rendered when sent in its
    ``language``."""

    class Kind(models.TextChoices):
        REPLY = "reply"
        DECISION = "decision"
        PROPOSAL = "proposal"
        MATRIX = "matrix"  # a consultation's answers matrix was published
        NORM = "norm"  # the norm a consultation prepared was issued

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participation_emails"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    context = models.JSONField(default=dict)
    follow = models.ForeignKey(Follow, null=True, blank=True, on_delete=models.SET_NULL)
    language = models.CharField(max_length=10, default="es")
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.kind} to {self.user_id} {'sent' if self.sent_at else 'pending'}"
