"""Comments (django-comments-xtd's threaded model, extended) and reactions.

``status`` is the one source of truth of what the public sees; ``is_public`` and
``is_removed`` of django-comments follow it on save so the library's own queries
agree. xtd's pre-save handler that unpublishes a hidden comment's replies is
disconnected (participation.apps): a hidden or withdrawn comment leaves a
placeholder and its replies keep their context."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_comments_xtd.models import XtdComment


class Comment(XtdComment):
    PUBLISHED = "published"
    PENDING = "pending"  # pre-moderation: waits for a moderator
    HELD = "held"  # reported by enough people: hidden until a moderator reviews it
    HIDDEN = "hidden"  # hidden by a moderator, with a public reason
    WITHDRAWN = "withdrawn"  # withdrawn by its author
    STATUS_CHOICES = [
        (PUBLISHED, _("Published")),
        (PENDING, _("Waiting for moderation")),
        (HELD, _("Hidden pending review")),
        (HIDDEN, _("Hidden by moderation")),
        (WITHDRAWN, _("Withdrawn by its author")),
    ]
    #: statuses a moderator decides on
    IN_QUEUE = (PENDING, HELD)

    xtdcomment_ptr = models.OneToOneField(
        XtdComment,
        parent_link=True,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="participation_comment",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="participation_comments",
        help_text="The process page (debate, consultation) the comment belongs to.",
    )
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=PUBLISHED)
    language = models.CharField(max_length=10, default="es")
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(max_length=20, blank=True)
    agree_count = models.PositiveIntegerField(default=0)
    disagree_count = models.PositiveIntegerField(default=0)
    report_count = models.PositiveIntegerField(default=0)
    #: consultations: the version of the section commented on (none: the whole draft)
    section_version = models.ForeignKey(
        "participation.SectionVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="comments",
    )
    #: consultations: the entity's answer in the matrix
    answer = models.ForeignKey(
        "participation.ObservationAnswer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["page", "status"])]

    def save(self, *args, **kwargs):
        self.is_public = self.status != self.PENDING
        self.is_removed = self.status in (self.HIDDEN, self.HELD, self.WITHDRAWN)
        super().save(*args, **kwargs)

    @property
    def is_visible(self):
        """Whether its text is shown to the public."""
        return self.status == self.PUBLISHED

    def editable_until(self):
        return self.submit_date + settings.PARTICIPATION_EDIT_WINDOW


class Reaction(models.Model):
    """Agree or disagree: one per user per comment, the database says so."""

    AGREE = 1
    DISAGREE = -1
    VALUE_CHOICES = [(AGREE, _("Agree")), (DISAGREE, _("Disagree"))]

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_reactions"
    )
    value = models.SmallIntegerField(choices=VALUE_CHOICES)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user"], name="participation_one_reaction_per_user"
            ),
            models.CheckConstraint(
                condition=models.Q(value__in=[1, -1]), name="participation_reaction_value"
            ),
        ]

    def __str__(self):
        return f"{self.user_id} {self.get_value_display()} {self.comment_id}"
