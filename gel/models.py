"""Manual evaluations of the GEL criteria and snapshots of the self-assessment."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
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


# The action plan (Artículo 6) and its follow-up (Artículo 7) ----------------------------

PHASE_CHOICES = [
    ("informacion", _("Information")),
    ("interaccion", _("Interaction")),
    ("transaccion", _("Transaction")),
    ("transformacion", _("Transformation")),
    ("democracia", _("Democracy")),
]


def _progress_message():
    return _("The progress is a percentage between 0 and 100.")


class Action(models.Model):
    """One of the 22 actions of the decree's action plan, loaded from
    ``data/gel_action_plan.json``. List fields hold one item per line."""

    sort_order = models.PositiveSmallIntegerField(_("order"), unique=True)
    phase = models.CharField(
        _("phase"),
        max_length=20,
        choices=PHASE_CHOICES,
        blank=True,
        help_text=_("Empty for the actions that span the whole plan."),
    )
    name = models.CharField(_("action"), max_length=255)
    beneficiaries = models.CharField(_("beneficiaries"), max_length=255, blank=True)
    indicators = models.TextField(_("indicators"), blank=True, help_text=_("One per line."))
    targets = models.TextField(_("targets"), blank=True, help_text=_("One per line."))
    responsible = models.TextField(
        _("responsible dependencies and committees"), blank=True, help_text=_("One per line.")
    )
    resources = models.TextField(_("resources"), blank=True, help_text=_("One per line."))
    schedule = models.JSONField(
        _("schedule"), default=dict, blank=True, help_text=_('By year: {"2010": "enero, junio"}.')
    )
    duration = models.CharField(_("duration"), max_length=60, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("phase")]),
        FieldPanel("name"),
        FieldPanel("beneficiaries"),
        FieldRowPanel([FieldPanel("indicators"), FieldPanel("targets")]),
        FieldRowPanel([FieldPanel("responsible"), FieldPanel("resources")]),
        FieldRowPanel([FieldPanel("schedule"), FieldPanel("duration")]),
    ]

    class Meta:
        verbose_name = _("GEL plan action")
        verbose_name_plural = _("GEL plan actions")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.sort_order}. {self.name}"

    @staticmethod
    def _lines(text):
        return [line.strip() for line in text.splitlines() if line.strip()]

    def indicator_list(self):
        return self._lines(self.indicators)

    def target_list(self):
        return self._lines(self.targets)

    def responsible_list(self):
        return self._lines(self.responsible)

    def resource_list(self):
        return self._lines(self.resources)


class Activity(models.Model):
    """An activity of an action, with the progress the GEL committee records."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="activities"
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(_("activity"))
    progress = models.SmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[
            MinValueValidator(0, message=_progress_message()),
            MaxValueValidator(100, message=_progress_message()),
        ],
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    evidence_text = models.TextField(_("evidence"), blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("evidence document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("action"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("progress"), FieldPanel("due_date")]),
        MultiFieldPanel(
            [
                FieldPanel("evidence_document"),
                FieldPanel("evidence_url"),
                FieldPanel("evidence_text"),
            ],
            heading=_("Evidence"),
        ),
    ]

    class Meta:
        verbose_name = _("GEL plan activity")
        verbose_name_plural = _("GEL plan activities")
        ordering = ["action__sort_order", "sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__gte=0, progress__lte=100),
                name="gel_activity_progress_0_100",
                violation_error_message=_progress_message(),
            )
        ]

    def __str__(self):
        return self.description

    @property
    def is_done(self):
        return self.progress >= 100

    def is_overdue(self, today=None):
        """Its due date has passed and it is not finished."""
        today = today or timezone.localdate()
        return bool(self.due_date and self.due_date < today and not self.is_done)


# The bimonthly report (Artículo 8) --------------------------------------------------------

from .report_page import BimonthlyReportPage  # noqa: E402, F401 - a page model of gel
