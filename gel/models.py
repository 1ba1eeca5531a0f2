"""Manual evaluations of the GEL criteria and snapshots of the self-assessment."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .checks.base import MET, NOT_MET, PARTLY
from .manual import MANUAL

#: a manual evaluation older than this counts as not evaluated
VALIDITY = timedelta(days=365)

STATUS_CHOICES = [(MET, _("Met")), (PARTLY, _("Partly met")), (NOT_MET, _("Not met"))]


def manual_choices():
    from .criteria import all_criteria

    return [(c.id, f"{c.name} ({c.phase_name})") for c in all_criteria() if c.id in MANUAL]


class ManualEvaluationQuerySet(models.QuerySet):
    def current(self, today=None):
        """Evaluations reviewed within the last year (older ones count as not evaluated)."""
        today = today or timezone.localdate()
        return self.filter(reviewed_on__gt=today - VALIDITY, reviewed_on__lte=today)

    def latest_by_criterion(self, today=None):
        """``{criterion id: the latest current evaluation}``, in one query."""
        latest = {}
        for evaluation in self.current(today).order_by("criterion_id", "-reviewed_on", "-pk"):
            latest.setdefault(evaluation.criterion_id, evaluation)
        return latest


class ManualEvaluation(models.Model):
    """What an official of the GEL committee found for a criterion only a person can judge."""

    criterion_id = models.CharField(_("criterion"), max_length=120, choices=manual_choices)
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES)
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("evidence document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_text = models.TextField(_("evidence"), blank=True)
    reviewed_on = models.DateField(
        _("review date"), help_text=_("After a year the evaluation counts as not evaluated.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ManualEvaluationQuerySet.as_manager()

    panels = [
        FieldPanel("criterion_id"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("evidence_document"),
                FieldPanel("evidence_url"),
                FieldPanel("evidence_text"),
            ],
            heading=_("Evidence"),
        ),
        FieldRowPanel([FieldPanel("reviewed_on")]),
    ]

    class Meta:
        verbose_name = _("manual GEL evaluation")
        verbose_name_plural = _("manual GEL evaluations")
        ordering = ["criterion_id", "-reviewed_on"]

    def __str__(self):
        return f"{self.get_criterion_id_display()} · {self.reviewed_on}"

    def clean(self):
        if not (self.evidence_document_id or self.evidence_url or self.evidence_text.strip()):
            raise ValidationError(_("Give the evidence: a document, a link or a text."))
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            raise ValidationError({"reviewed_on": _("The review date cannot be in the future.")})

    def is_current(self, today=None):
        today = today or timezone.localdate()
        return today - VALIDITY < self.reviewed_on <= today


class Snapshot(models.Model):
    """The self-assessment's results at a date: one per report, for the history chart.

    ``results`` is ``{"criteria": {id: status}, "phases": {key: {status: count}}}``."""

    taken_at = models.DateTimeField(_("taken at"), default=timezone.now)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    results = models.JSONField(_("results"), default=dict)
    met = models.PositiveSmallIntegerField(_("criteria met"), default=0)
    total = models.PositiveSmallIntegerField(_("criteria"), default=0)

    class Meta:
        verbose_name = _("GEL self-assessment snapshot")
        verbose_name_plural = _("GEL self-assessment snapshots")
        ordering = ["-taken_at"]

    def __str__(self):
        return f"{timezone.localtime(self.taken_at):%Y-%m-%d %H:%M} · {self.met}/{self.total}"

    @property
    def percent(self):
        return round(100 * self.met / self.total) if self.total else 0
