"""How far people get through a survey, as counters (no identifiers are stored).

One row per step of each survey: ``reached`` counts the people who got to the step
(for the first step: who sent it at least once, i.e. *started*), ``completed`` who sent
it valid. The answering view bumps them with F() expressions, so concurrent requests
never lose an increment, and remembers in the signed step state what it has already
counted, so going back and forth through the steps counts each person once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SurveyStepCount(models.Model):
    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.CASCADE, related_name="step_counts"
    )
    #: zero-based step index
    step = models.PositiveSmallIntegerField(_("step"))
    reached = models.PositiveIntegerField(_("reached"), default=0)
    completed = models.PositiveIntegerField(_("completed"), default=0)

    class Meta:
        verbose_name = _("survey step count")
        verbose_name_plural = _("survey step counts")
        constraints = [
            models.UniqueConstraint(fields=["survey", "step"], name="surveys_one_count_per_step")
        ]

    def __str__(self):
        return f"{self.survey_id}/{self.step}: {self.reached} → {self.completed}"
