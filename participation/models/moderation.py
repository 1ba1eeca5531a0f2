"""Reports, holds on debates, blocks and the word list: what moderators work with.
Every decision is also written to Wagtail's audit log (participation.moderation)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .comments import Comment
from .debates import DebatePage

REASON_CHOICES = [
    ("spam", _("Spam or advertising")),
    ("offensive", _("Offensive language")),
    ("off_topic", _("Off topic")),
    ("personal_data", _("Personal data")),
    ("other", _("Other")),
]
REASONS = dict(REASON_CHOICES)


class Report(models.Model):
    """A citizen's report of a comment or a debate: once per person and item."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participation_reports"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    debate = models.ForeignKey(
        DebatePage, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=REASON_CHOICES)
    text = models.TextField(_("details"), max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        permissions = [("moderate", "Can moderate comments, debates and proposals")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(comment__isnull=False, debate__isnull=True)
                | models.Q(comment__isnull=True, debate__isnull=False),
                name="participation_report_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "comment"],
                condition=models.Q(comment__isnull=False),
                name="participation_one_report_per_comment",
            ),
            models.UniqueConstraint(
                fields=["user", "debate"],
                condition=models.Q(debate__isnull=False),
                name="participation_one_report_per_debate",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.comment_id or self.debate_id})"


class DebateHold(models.Model):
    """A debate hidden from the public: held by reports pending review, or hidden by a
    moderator with a reason. Kept apart from the page so no revision undoes it."""

    HELD = "held"
    HIDDEN = "hidden"
    STATUS_CHOICES = [(HELD, _("Hidden pending review")), (HIDDEN, _("Hidden by moderation"))]

    debate = models.OneToOneField(DebatePage, on_delete=models.CASCADE, related_name="hold")
    status = models.CharField(max_length=10, choices=STATUS_CHOICES)
    reason = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.debate_id} {self.status}"


class Block(models.Model):
    """A user blocked from participating (reading stays open), until a date or for good."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participation_blocks"
    )
    reason = models.TextField(_("reason"))
    until = models.DateTimeField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.user_id} until {self.until or '∞'}"

    @classmethod
    def active(cls, now=None):
        now = now or timezone.now()
        return cls.objects.filter(lifted_at__isnull=True).filter(
            models.Q(until__isnull=True) | models.Q(until__gt=now)
        )


class ModeratedWord(models.Model):
    """A word or phrase that sends a comment to pre-moderation instead of publishing it
    (matched case- and accent-insensitively, as a whole word)."""

    word = models.CharField(_("word or phrase"), max_length=100, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("moderated word")
        verbose_name_plural = _("moderated words")
        ordering = ["word"]

    def __str__(self):
        return self.word
