"""What citizens store: responses, normalised answers, poll votes and page feedback.

"One answer per person" is a database guarantee, not a check in Python: the partial
unique constraints below make the second of two racing submissions fail with an
IntegrityError, which the views turn into the "ya respondió" page."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Response(models.Model):
    """One person's completed answer to a survey (registered user or browser token)."""

    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.CASCADE, related_name="responses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    # NULL (not "") for "no token": the partial unique constraint skips it.
    browser_token = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)
    #: what the survey measured satisfaction with ("pqr.petition:42"), if anything
    context_object = models.CharField(_("about"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"],
                condition=Q(user__isnull=False),
                name="surveys_one_response_per_user",
            ),
            models.UniqueConstraint(
                fields=["survey", "browser_token"],
                condition=Q(browser_token__isnull=False),
                name="surveys_one_response_per_browser",
            ),
        ]
        permissions = [
            ("export_response", "Can export raw survey answers"),
            ("view_report", "Can view survey reports"),
        ]

    def __str__(self):
        return f"{self.survey_id} #{self.pk}"


class Answer(models.Model):
    """One answered value: an option, a number (scale value or rank) or free text.

    ``survey`` is repeated from the response so results aggregate on one indexed
    table without a join."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    survey = models.ForeignKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="+")
    question_id = models.CharField(max_length=64)
    option_id = models.CharField(max_length=64, blank=True)
    value = models.IntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    #: free text is published only once a moderator approves it (None = pending)
    approved = models.BooleanField(null=True, default=None)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["survey", "question_id", "option_id"])]
        permissions = [("moderate_answer", "Can moderate free-text survey answers")]

    def __str__(self):
        return f"{self.question_id}: {self.option_id or self.value or self.text[:30]}"


class PollVote(models.Model):
    """A vote in a quick poll: the poll is a block (``block_id``) on ``page``."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(max_length=64)
    option_id = models.CharField(max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # NULL (not "") for "no token": the partial unique constraint skips it.
    browser_token = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("poll vote")
        verbose_name_plural = _("poll votes")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "block_id", "user"],
                condition=Q(user__isnull=False),
                name="surveys_one_vote_per_user",
            ),
            models.UniqueConstraint(
                fields=["page", "block_id", "browser_token"],
                condition=Q(browser_token__isnull=False),
                name="surveys_one_vote_per_browser",
            ),
        ]

    def __str__(self):
        return f"{self.page_id}/{self.block_id}: {self.option_id}"


class PageFeedback(models.Model):
    """An answer to "¿Le fue útil esta página?" (Res. 1519 asks to measure it)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback")
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page_id}: {'+' if self.useful else '-'}"
