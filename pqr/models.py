"""PQRSD cases: the petition, its attachments, its history and the citizen's rating.

A case is never a page: it is private data reached only by its radicado plus a secret
code (or by its filer when logged in), and by officials in the admin inbox."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from . import terms
from .identity import DocumentType
from .storage import private_storage


class PetitionType(models.TextChoices):
    GENERAL = terms.GENERAL, _("General petition")
    DOCUMENTS = terms.DOCUMENTS, _("Request for documents and information")
    CONSULTATION = terms.CONSULTATION, _("Consultation")
    COMPLAINT = terms.COMPLAINT, _("Complaint")
    CLAIM = terms.CLAIM, _("Claim")
    SUGGESTION = terms.SUGGESTION, _("Suggestion")
    REPORT = terms.REPORT, _("Report of wrongdoing")
    PRAISE = terms.PRAISE, _("Praise")
    DATA_CONSULTATION = terms.DATA_CONSULTATION, _("Personal data consultation")
    DATA_CLAIM = terms.DATA_CLAIM, _("Personal data claim")


#: types a citizen picks in the public form (habeas-data types are set by staff)
PUBLIC_TYPES = [
    PetitionType.GENERAL,
    PetitionType.DOCUMENTS,
    PetitionType.CONSULTATION,
    PetitionType.COMPLAINT,
    PetitionType.CLAIM,
    PetitionType.SUGGESTION,
    PetitionType.REPORT,
    PetitionType.PRAISE,
]


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROCESS = "in_process", _("In process")
    INCOMPLETE = "incomplete", _("Requested to complete")
    ANSWERED = "answered", _("Answered")
    TRANSFERRED = "transferred", _("Transferred to another authority")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    DESISTED = "desisted", _("Tacit withdrawal (not completed)")


#: states in which the legal term runs (it is suspended while INCOMPLETE)
RUNNING = (Status.RECEIVED, Status.IN_PROCESS)
OPEN = (Status.RECEIVED, Status.IN_PROCESS, Status.INCOMPLETE)


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    VERBAL = "verbal", _("In person (verbal)")
    PHONE = "phone", _("Telephone")
    EMAIL = "email", _("Email")


class AnswerChannel(models.TextChoices):
    EMAIL = "email", _("Email")
    POSTAL = "postal", _("Postal mail")
    WEB = "web", _("Publication on this website")


class ClosureDay(models.Model):
    """A day the Alcaldía does not count as a business day (decreed closure,
    suspension of terms). National holidays come from ``holidays.Colombia``."""

    date = models.DateField(_("date"), unique=True)
    reason = models.CharField(_("reason"), max_length=200)

    panels = [FieldPanel("date"), FieldPanel("reason")]

    class Meta:
        verbose_name = _("closure day")
        verbose_name_plural = _("closure days")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} · {self.reason}"

    @classmethod
    def dates(cls):
        return frozenset(cls.objects.values_list("date", flat=True))


class OfficerProfile(models.Model):
    """Which dependencies' cases an official handles; ``sees_all`` marks the
    ventanilla única staff who triage and assign every case."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="pqr_profile",
    )
    dependencies = models.ManyToManyField(
        "cms.Dependency", verbose_name=_("dependencies"), blank=True
    )
    sees_all = models.BooleanField(_("sees every case"), default=False)

    panels = [FieldPanel("user"), FieldPanel("dependencies"), FieldPanel("sees_all")]

    class Meta:
        verbose_name = _("PQRSD officer")
        verbose_name_plural = _("PQRSD officers")

    def __str__(self):
        return str(self.user)


class RadicadoCounter(models.Model):
    """One row per year, locked with SELECT ... FOR UPDATE while a case is filed,
    so numbers are sequential and gapless (a rolled-back filing gives its number back)."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class Case(models.Model):
    """A petition with its legal filing number (radicado) and term."""

    radicado = models.CharField(_("filing number"), max_length=30, unique=True, editable=False)
    year = models.PositiveIntegerField(editable=False)
    number = models.PositiveIntegerField(editable=False)
    petition_type = models.CharField(_("type"), max_length=30, choices=PetitionType.choices)
    channel = models.CharField(
        _("filing channel"), max_length=10, choices=Channel.choices, default=Channel.WEB
    )
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"))
    anonymous = models.BooleanField(_("anonymous"), default=False)
    name = models.CharField(_("full name"), max_length=200, blank=True)
    id_type = models.CharField(
        _("identity document type"), max_length=3, choices=DocumentType.choices, blank=True
    )
    id_number = models.CharField(_("identity document"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    answer_channel = models.CharField(
        _("preferred answer channel"),
        max_length=10,
        choices=AnswerChannel.choices,
        default=AnswerChannel.EMAIL,
    )
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    policy_version = models.CharField(_("privacy policy version"), max_length=20, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pqr_cases",
    )
    received_at = models.DateTimeField(_("received at"), editable=False)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    documents = models.TextField(_("documents provided"), blank=True)
    base_due_date = models.DateField(_("original due date"))
    due_date = models.DateField(_("due date"), db_index=True)
    extension_reason = models.TextField(_("extension reason"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    dependency = models.ForeignKey(
        "cms.Dependency",
        verbose_name=_("dependency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pqr_cases",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pqr_assigned",
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    response_days = models.PositiveIntegerField(
        _("response time (business days)"), null=True, blank=True, editable=False
    )
    term_started_at = models.DateTimeField(
        _("term counted from"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Filing, or the moment an incomplete petition was completed."),
    )
    completion_request = models.TextField(_("information requested to complete"), blank=True)
    completion_requested_at = models.DateTimeField(
        _("completion requested at"), null=True, blank=True, editable=False
    )
    completion_deadline = models.DateField(
        _("deadline to complete"), null=True, blank=True, editable=False
    )
    completion_extended = models.BooleanField(
        _("completion period extended"), default=False, editable=False
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True, editable=False)
    transferred_to = models.CharField(_("transferred to"), max_length=200, blank=True)
    transferred_at = models.DateTimeField(
        _("transferred at"), null=True, blank=True, editable=False
    )
    transfer_late = models.BooleanField(_("late transfer"), default=False, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    petitioner_erased_at = models.DateTimeField(
        _("petitioner's data erased at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "The petitioner deleted their account: the case is kept under the archive law, "
            "without their identification and contact data."
        ),
    )
    online_form = models.ForeignKey(
        "pqr.OnlineFormPage",
        verbose_name=_("online form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        editable=False,
        help_text=_("The editors' online form the request was filed through, if any."),
    )
    tracking_code_hash = models.CharField(max_length=128, editable=False)
    # NULL (not "") for staff filings without a form, so the unique constraint skips them.
    form_token = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )

    class Meta:
        verbose_name = _("PQRSD case")
        verbose_name_plural = _("PQRSD cases")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="pqr_case_year_number")
        ]

    def __str__(self):
        return self.radicado

    @property
    def extended(self):
        return bool(self.extension_reason)

    @property
    def is_open(self):
        return self.status in OPEN

    @property
    def term_suspended(self):
        """The legal term does not run while the petitioner is asked to complete."""
        return self.status == Status.INCOMPLETE

    @property
    def term_start(self):
        return self.term_started_at or self.received_at

    @property
    def claim_in_process(self):
        """The "reclamo en trámite" legend of a complete habeas-data claim (Ley 1581
        art. 15), kept until the claim is answered or otherwise closed."""
        return self.petition_type == PetitionType.DATA_CLAIM and self.status in RUNNING

    @property
    def published_anonymously(self):
        """Answers to anonymous petitions without any address are published on the
        website, the only place the petitioner can learn them."""
        return self.anonymous and not self.email and not self.address


class Attachment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="pqr/%Y/%m/", storage=private_storage)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    def __str__(self):
        return self.name


class CaseEvent(models.Model):
    """A line of the case history. Internal notes (``public=False``) are never shown
    to the citizen."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    message = models.TextField(blank=True)
    public = models.BooleanField(default=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.case_id} {self.created_at:%Y-%m-%d %H:%M} {self.status}"


class Rating(models.Model):
    """The citizen's satisfaction with the answer (once per case)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="rating")
    score = models.PositiveSmallIntegerField(
        _("rating"), choices=[(n, str(n)) for n in range(1, 6)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.case_id}: {self.score}"


class OutgoingEmail(models.Model):
    """One e-mail to the citizen, recorded with the change that caused it and marked
    when sent, so a retried or repeated delivery task never sends it twice."""

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("filing receipt")
        STATUS = "status", _("status change")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    message = models.TextField(blank=True)
    language = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.case_id} {self.kind} {'sent' if self.sent_at else 'pending'}"


# The online form pages (Wagtail form pages that file a case) live in their own module.
from .online_forms import OnlineFormField, OnlineFormPage  # noqa: E402, F401
