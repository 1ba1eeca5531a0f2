"""Consultations on draft norms, plans, policies and projects.

The draft is a StreamField of numbered sections an editor pastes or imports; on every
publication ``participation.drafts.sync_sections`` copies it into ``DraftSection`` and,
when a section's text changed, a new ``SectionVersion``. Comments point at the version
they were written on, so a correction never loses what a comment was about.

The phase follows the dates and the answers matrix (``phases.consultation_phase``):
announced, open, under review (closed, matrix not yet published), concluded (matrix
published: every published comment answered). The decisions taken outside the page
(``ConsultationOutcome``) are kept apart from it so no page revision undoes them."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.models import BasePage, Dependency
from cms.navigation import public_only
from participation import phases

from .debates import CONTEXT_FEATURES

#: The legal default for comments on a draft (standards.md §5): shorter windows need a
#: published justification.
MIN_WINDOW = timedelta(days=15)


class SectionBlock(blocks.StructBlock):
    """One numbered section or article of the draft; its block id is its identity
    across corrections."""

    number = blocks.CharBlock(
        label=_("number"), max_length=60, help_text=_('As the draft numbers it, e.g. "Artículo 3".')
    )
    heading = blocks.CharBlock(label=_("heading"), max_length=300, required=False)
    body = blocks.TextBlock(
        label=_("text"), help_text=_("Plain text; blank lines split paragraphs.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Section or article")
        label_format = "{number} {heading}"


class DraftStreamBlock(blocks.StreamBlock):
    section = SectionBlock()

    class Meta:
        block_counts = {"section": {"max_num": 300}}


class DocumentsBlock(blocks.StreamBlock):
    document = DocumentChooserBlock(label=_("document"))


class ConsultationIndexPage(BasePage):
    """Lists the consultations under it: open first, then under review and concluded."""

    parent_page_types = ["home.HomePage", "home.StandardPage", "participation.ParticipaPage"]
    subpage_types = ["participation.ConsultationPage"]
    max_count_per_parent = 1

    code_of_conduct = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("code of conduct page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_('The "Normas de participación" page linked from every comment form.'),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("code_of_conduct")]

    class Meta:
        verbose_name = _("consultation index page")

    def consultations(self, request=None):
        return public_only(ConsultationPage.objects.child_of(self).live(), request)

    def get_context(self, request, *args, **kwargs):
        from participation.consultation_contexts import consultation_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(consultation_index_context(self, request))
        return context


class ConsultationPage(RoutablePageMixin, BasePage):
    """A draft (norm, plan, policy or project) open to observations between two dates,
    section by section, and then the entity's answer to every observation."""

    #: read with the page when it is served (cms.page_routing)
    serve_select_related = ("dependency",)

    KIND_NORM = "norm"
    KIND_PLAN = "plan"
    KIND_POLICY = "policy"
    KIND_PROJECT = "project"
    KIND_CHOICES = [
        (KIND_NORM, _("Draft norm (decree, agreement or resolution)")),
        (KIND_PLAN, _("Plan")),
        (KIND_POLICY, _("Public policy")),
        (KIND_PROJECT, _("Project")),
    ]
    PREMODERATION_CHOICES = [
        ("none", _("None: comments are published at once")),
        ("new_accounts", _("First comment of each participant waits for approval")),
        ("all", _("Every comment waits for approval")),
    ]

    parent_page_types = ["participation.ConsultationIndexPage"]
    subpage_types = []

    kind = models.CharField(_("what is consulted"), max_length=10, choices=KIND_CHOICES)
    summary = RichTextField(
        _("plain-language summary"),
        features=CONTEXT_FEATURES,
        help_text=_("What the draft changes and for whom, in plain words."),
    )
    draft = StreamField(
        DraftStreamBlock(),
        verbose_name=_("draft text"),
        blank=True,
        help_text=_(
            "One block per section or article. To import a text file instead, use "
            '"Importar texto" in the page\'s actions.'
        ),
    )
    documents = StreamField(DocumentsBlock(), verbose_name=_("supporting documents"), blank=True)
    dependency = models.ForeignKey(
        Dependency,
        verbose_name=_("responsible dependency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    draft_norm = models.ForeignKey(
        "transparency.NormPage",
        verbose_name=_("draft in the norms library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    short_window_justification = models.TextField(
        _("justification of a shorter period"),
        blank=True,
        help_text=_("Required, and shown on the page, when the period is under 15 calendar days."),
    )
    questionnaire = models.ForeignKey(
        "surveys.SurveyPage",
        verbose_name=_("questions for participants"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional: a survey (built from the survey question blocks) linked from the page."
        ),
    )
    premoderation = models.CharField(
        _("pre-moderation"), max_length=20, choices=PREMODERATION_CHOICES, default="none"
    )
    conclusion = RichTextField(
        _("conclusion"),
        features=CONTEXT_FEATURES,
        blank=True,
        help_text=_("The entity's conclusion, shown on the results page."),
    )
    final_text = StreamField(
        DraftStreamBlock(),
        verbose_name=_("final text"),
        blank=True,
        help_text=_(
            "The text finally issued, section by section: the results page compares it "
            "with the draft."
        ),
    )
    issued_norm = models.ForeignKey(
        "transparency.NormPage",
        verbose_name=_("issued norm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Can be set only once every published comment has an answer."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("dependency"),
        FieldPanel("draft_norm"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("short_window_justification"),
            ],
            heading=_("Period for observations"),
        ),
        FieldPanel("draft"),
        FieldPanel("documents"),
        FieldPanel("questionnaire"),
        MultiFieldPanel(
            [FieldPanel("conclusion"), FieldPanel("final_text"), FieldPanel("issued_norm")],
            heading=_("Results"),
        ),
    ]
    settings_panels = [*BasePage.settings_panels, FieldPanel("premoderation")]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("draft"),
        index.SearchField("conclusion"),
    ]

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at:
            if self.closes_at <= self.opens_at:
                errors["closes_at"] = _("The consultation must close after it opens.")
            elif (
                self.closes_at - self.opens_at < MIN_WINDOW
                and not (self.short_window_justification or "").strip()
            ):
                errors["short_window_justification"] = _(
                    "The period is under 15 calendar days: publish the reason for a shorter period."
                )
        if self.issued_norm_id and self.pk:
            from participation.answers import unanswered_count

            missing = unanswered_count(self)
            if missing:
                errors["issued_norm"] = _(
                    "%(count)s published comments still lack an answer: the issued norm can be "
                    "linked once every comment is answered."
                ) % {"count": missing}
        if errors:
            raise ValidationError(errors)

    # phases

    @property
    def short_window(self):
        return bool(
            self.opens_at and self.closes_at and self.closes_at - self.opens_at < MIN_WINDOW
        )

    def outcome(self):
        """The ConsultationOutcome of the consultation (its Spanish original), or None."""
        cached = getattr(self, "_outcome_cache", False)
        if cached is False:
            cached = ConsultationOutcome.objects.filter(page_id=self.canonical_id).first()
            self._outcome_cache = cached
        return cached

    def phase(self, now=None):
        outcome = self.outcome()
        return phases.consultation_phase(
            self.opens_at, self.closes_at, outcome.matrix_published_at if outcome else None, now
        )

    def phase_label(self):
        return phases.CONSULTATION_LABELS[self.phase()]

    @property
    def is_open(self):
        return self.phase() == phases.OPEN

    @property
    def canonical_id(self):
        """The page comments, positions and answers belong to: the original in the
        default language, so a translation shows (and adds to) the same consultation."""
        cached = getattr(self, "_canonical_id", None)
        if cached is None:
            cached = self._read_canonical()
        return cached

    def _read_canonical(self):
        """The original's id and its outcome in ONE query (the default locale and the
        outcome joined in): a consultation's page asks for both."""
        original = (
            Page.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=get_supported_content_language_variant(
                    settings.LANGUAGE_CODE
                ),
            )
            .select_related("consultation_outcome")
            .first()
        )
        if original is None:
            self._canonical_id = self.pk
            return self.pk
        self._canonical_id = original.pk
        if getattr(self, "_outcome_cache", False) is False:
            try:
                self._outcome_cache = original.consultation_outcome
            except ConsultationOutcome.DoesNotExist:
                self._outcome_cache = None
        return original.pk

    def get_context(self, request, *args, **kwargs):
        from participation.consultation_contexts import consultation_context

        context = super().get_context(request, *args, **kwargs)
        context.update(consultation_context(self, request))
        return context

    # routes: served by participation/views/consultation_routes.py, registered by name

    def _route(self, name, request, *args, **kwargs):
        from participation.routes import serve

        return serve(name, self, request, *args, **kwargs)

    @path("seccion/<str:key>/")
    def section_route(self, request, key):
        return self._route("section", request, key)

    @path("seccion/<str:key>/version/<int:version>/")
    def section_version_route(self, request, key, version):
        return self._route("section_version", request, key, version)

    @path("matriz/")
    def matrix_route(self, request):
        return self._route("matrix", request)

    @path("matriz/csv/")
    def matrix_csv_route(self, request):
        return self._route("matrix_csv", request)

    @path("matriz/xlsx/")
    def matrix_xlsx_route(self, request):
        return self._route("matrix_xlsx", request)

    @path("resultados/")
    def results_route(self, request):
        return self._route("results", request)

    @path("certificado/")
    def certificate_route(self, request):
        return self._route("certificate", request)


class DraftSection(models.Model):
    """A section of a consultation's draft as last published (its StreamField block),
    with the number of its current version. Kept when the editor removes the block
    (``removed_at``), so comments on it keep their place in the matrix."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="draft_sections"
    )
    key = models.CharField(max_length=64, help_text="The StreamField block id.")
    position = models.PositiveIntegerField(default=0)
    number = models.CharField(_("number"), max_length=60)
    heading = models.CharField(_("heading"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("draft section")
        ordering = ["page", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "key"], name="participation_section_key")
        ]

    def __str__(self):
        return f"{self.number} {self.heading}".strip()

    @property
    def label(self):
        return str(self)


class SectionVersion(models.Model):
    """The text of a section between two corrections."""

    section = models.ForeignKey(DraftSection, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    number = models.CharField(max_length=60)
    heading = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["section", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "version"], name="participation_section_version"
            )
        ]

    def __str__(self):
        return f"{self.number} v{self.version}"


class SectionPosition(models.Model):
    """Support or opposition to a section: one per person per section, the database
    says so; changing it updates the row."""

    SUPPORT = 1
    OPPOSE = -1
    VALUE_CHOICES = [(SUPPORT, _("Support")), (OPPOSE, _("Oppose"))]

    section = models.ForeignKey(DraftSection, on_delete=models.CASCADE, related_name="positions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="section_positions"
    )
    value = models.SmallIntegerField(choices=VALUE_CHOICES)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["section", "user"], name="participation_one_position_per_section"
            ),
            models.CheckConstraint(
                condition=models.Q(value__in=[1, -1]), name="participation_position_value"
            ),
        ]

    def __str__(self):
        return f"{self.user_id} {self.get_value_display()} {self.section_id}"


class ObservationAnswer(models.Model):
    """The entity's answer in the matrix; several identical comments may share one."""

    ACCEPTED = "accepted"
    PARTIAL = "partial"
    REJECTED = "rejected"
    NOT_APPLICABLE = "not_applicable"
    DECISION_CHOICES = [
        (ACCEPTED, _("Accepted")),
        (PARTIAL, _("Partially accepted")),
        (REJECTED, _("Not accepted")),
        (NOT_APPLICABLE, _("Not applicable")),
    ]

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="observation_answers"
    )
    decision = models.CharField(_("decision"), max_length=20, choices=DECISION_CHOICES)
    text = models.TextField(_("reasoned answer"), max_length=8000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer to observations")
        verbose_name_plural = _("answers to observations")
        permissions = [("answer_observations", "Can answer the observations of consultations")]

    def __str__(self):
        return f"{self.get_decision_display()}: {self.text[:40]}"


class ConsultationOutcome(models.Model):
    """What happened to a consultation after its page was published: the matrix's
    publication (which concludes it) and the e-mails that closed the loop."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="consultation_outcome"
    )
    matrix_published_at = models.DateTimeField(null=True, blank=True)
    matrix_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    norm_notified_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"outcome of {self.page_id}"
