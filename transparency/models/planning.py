"""How the Alcaldía plans, spends and is controlled: budget per fiscal year, plans with
their programs, projects and indicators, and dated publications (procurement plan,
SECOP records, management reports, improvement plans). Res. 1519 categories 3 and 4."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.blocks import BaseStreamBlock, HeadingBlock
from cms.charts import Frame, columns
from cms.models import Dependency
from cms.navigation import public_only

from .base import SectionPage, localize_pages, optional_link

MONEY = {"max_digits": 18, "decimal_places": 2}


def percent(part, whole):
    """``part`` as a whole percentage of ``whole`` (0 when there is no whole)."""
    if not whole or part is None:
        return 0
    return int(round(Decimal(part) * 100 / Decimal(whole)))


# Budget ---------------------------------------------------------------------------


class BudgetIndexPage(SectionPage):
    """Presupuesto: every fiscal year, newest first, with its approved total and the
    latest execution (GEL "presupuesto aprobado en ejercicio" and "información
    histórica de presupuestos"; Res. 1519 items 4.1–4.2)."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [*SectionPage.content_panels, FieldPanel("body")]
    subpage_types = ["transparency.BudgetYearPage"]

    class Meta:
        verbose_name = _("budget index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["years"] = (
            public_only(BudgetYearPage.objects.child_of(self).live(), request)
            .order_by("-fiscal_year")
            .prefetch_related("execution_reports")
            .defer_streamfields()
        )
        return context


class BudgetYearPage(SectionPage):
    """One fiscal year: the approved budget (income, operating costs, investment), the
    act that approved it and its execution reports as they are published."""

    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    approved_income = models.DecimalField(_("approved income"), **MONEY)
    approved_operating = models.DecimalField(_("approved operating expenses"), **MONEY)
    approved_debt = models.DecimalField(_("approved debt service"), default=0, **MONEY)
    approved_investment = models.DecimalField(_("approved investment"), **MONEY)
    approval_norm = optional_link("transparency.NormPage", _("approved by"))
    budget_document = optional_link("wagtaildocs.Document", _("approved budget document"))
    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *SectionPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("fiscal_year"),
                FieldPanel("approved_income"),
                FieldPanel("approved_operating"),
                FieldPanel("approved_debt"),
                FieldPanel("approved_investment"),
                PageChooserPanel("approval_norm", "transparency.NormPage"),
                FieldPanel("budget_document"),
            ],
            heading=_("Approved budget"),
        ),
        InlinePanel("execution_reports", label=_("execution reports")),
        FieldPanel("body"),
    ]
    search_fields = [*SectionPage.search_fields, index.SearchField("fiscal_year")]
    parent_page_types = ["transparency.BudgetIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("budget of a fiscal year")

    @property
    def approved_expenses(self):
        return self.approved_operating + self.approved_debt + self.approved_investment

    def latest_report(self):
        reports = list(self.execution_reports.all())
        return max(reports, key=lambda r: r.cut_off_date) if reports else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reports = sorted(
            self.execution_reports.select_related("document"), key=lambda r: r.cut_off_date
        )
        for report in reports:
            report.expense_percent = percent(report.executed_expenses, self.approved_expenses)
            report.income_percent = percent(report.collected_income, self.approved_income)
        context["reports"] = reports
        norm = localize_pages([self.approval_norm] if self.approval_norm_id else [])
        context["approval_norm"] = norm[0] if norm else None
        return context


class ExecutionReport(Orderable):
    """A budget execution cut (quarterly, by law): what was collected and spent."""

    page = ParentalKey(BudgetYearPage, on_delete=models.CASCADE, related_name="execution_reports")
    period = models.CharField(_("period"), max_length=100, help_text=_("e.g. Primer trimestre"))
    cut_off_date = models.DateField(_("cut-off date"))
    collected_income = models.DecimalField(_("income collected"), **MONEY)
    executed_expenses = models.DecimalField(_("expenses committed"), **MONEY)
    document = optional_link("wagtaildocs.Document", _("report"))

    panels = [
        FieldPanel("period"),
        FieldPanel("cut_off_date"),
        FieldPanel("collected_income"),
        FieldPanel("executed_expenses"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("execution report")
        verbose_name_plural = _("execution reports")


# Indicators -----------------------------------------------------------------------


class MeasurementBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("date"))
    value = blocks.DecimalBlock(label=_("value"))

    class Meta:
        icon = "date"
        label = _("Measurement")


class IndicatorBlock(blocks.StructBlock):
    """A goal indicator: name, formula, unit, baseline, target and dated measurements.

    Rendered with its progress and a bar chart drawn as SVG on the server (no
    JavaScript), described by its title and followed by the same data as a table so
    no one depends on seeing the chart (WCAG 1.1.1)."""

    name = blocks.CharBlock(label=_("name"), max_length=255)
    formula = blocks.CharBlock(label=_("formula"), max_length=255)
    unit = blocks.CharBlock(label=_("unit"), max_length=60, help_text=_("e.g. %, personas, km"))
    baseline = blocks.DecimalBlock(label=_("baseline"))
    target = blocks.DecimalBlock(label=_("target"))
    measurements = blocks.ListBlock(MeasurementBlock(), label=_("measurements"))

    class Meta:
        icon = "order"
        label = _("Indicator")
        template = "transparency/blocks/indicator_block.html"
        description = _("A goal indicator with its measurements, shown with a chart and a table")
        preview_value = {
            "name": "Cobertura de vacunación",
            "formula": "Niños vacunados / niños de 1 año × 100",
            "unit": "%",
            "baseline": Decimal("82"),
            "target": Decimal("95"),
            "measurements": [],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["stats"] = indicator_stats(value)
        return context


CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 480, 200, 30
INDICATOR_CHART = Frame(
    width=CHART_WIDTH,
    height=CHART_HEIGHT,
    left=CHART_PAD,
    top=CHART_PAD,
    right=CHART_PAD,
    bottom=CHART_PAD,
)


def indicator_stats(value):
    """Progress towards the target and the geometry of the SVG bar chart."""
    measurements = sorted(value["measurements"], key=lambda m: m["date"])
    baseline, target = Decimal(value["baseline"]), Decimal(value["target"])
    latest = measurements[-1]["value"] if measurements else None
    progress = 0
    if latest is not None and target != baseline:
        progress = max(0, min(100, percent(Decimal(latest) - baseline, target - baseline)))
    top = max([baseline, target, *[Decimal(m["value"]) for m in measurements]] or [Decimal(1)])
    top = top or Decimal(1)
    placed = columns([m["value"] for m in measurements], INDICATOR_CHART, peak=top, fill=0.6)
    bars = [
        {
            "x": column.x,
            "y": column.y,
            "width": column.width,
            "height": column.height,
            "label_x": column.centre,
            "date": measurement["date"],
            "value": measurement["value"],
        }
        for measurement, column in zip(measurements, placed, strict=True)
    ]
    return {
        "latest": latest,
        "progress": progress,
        "bars": bars,
        "target_y": INDICATOR_CHART.y(target, top),
        "baseline_y": INDICATOR_CHART.y(baseline, top),
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "pad": CHART_PAD,
        "axis_y": CHART_HEIGHT - CHART_PAD,
        "axis_end": CHART_WIDTH - CHART_PAD,
    }


# Plans, programs, projects -----------------------------------------------------------

PLAN_KINDS = [
    ("desarrollo", _("Municipal development plan")),
    ("accion", _("Action plan")),
    ("anticorrupcion", _("Anti-corruption and citizen service plan")),
    ("otro", _("Other plan or policy")),
]


class PlanPage(SectionPage):
    """A plan or policy (the development plan "Soacha para vivir mejor", the action
    plan...): its period, the act that adopted it, its document and its programs."""

    plan_kind = models.CharField(_("kind"), max_length=20, choices=PLAN_KINDS)
    period_start = models.PositiveSmallIntegerField(_("from (year)"))
    period_end = models.PositiveSmallIntegerField(_("to (year)"))
    adopted_by = optional_link("transparency.NormPage", _("adopted by"))
    document = optional_link("wagtaildocs.Document", _("document"))
    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *SectionPage.content_panels,
        FieldPanel("plan_kind"),
        FieldPanel("period_start"),
        FieldPanel("period_end"),
        PageChooserPanel("adopted_by", "transparency.NormPage"),
        FieldPanel("document"),
        FieldPanel("body"),
    ]
    search_fields = [*SectionPage.search_fields, index.SearchField("introduction")]
    subpage_types = ["transparency.ProgramPage"]

    class Meta:
        verbose_name = _("plan")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programs"] = (
            public_only(ProgramPage.objects.child_of(self).live(), request)
            .select_related("responsible_dependency")
            .prefetch_related("projects")
        )
        norm = localize_pages([self.adopted_by] if self.adopted_by_id else [])
        context["adopted_by"] = norm[0] if norm else None
        return context


class ProgramPage(SectionPage):
    """A program of a plan: its strategic line, objective, responsible dependency and
    contact person, budget, projects and goal indicators."""

    #: read with the page when it is served (cms.page_routing)
    serve_select_related = ("responsible_dependency",)

    strategic_line = models.CharField(_("strategic line"), max_length=200, blank=True)
    objective = models.TextField(_("objective"))
    responsible_dependency = models.ForeignKey(
        Dependency,
        verbose_name=_("responsible dependency"),
        on_delete=models.PROTECT,
        related_name="programs",
    )
    contact_position = models.CharField(_("contact (position)"), max_length=200)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=100, blank=True)
    budget = models.DecimalField(_("four-year budget"), null=True, blank=True, **MONEY)
    indicators = StreamField(
        [("indicator", IndicatorBlock())], verbose_name=_("indicators"), blank=True
    )

    content_panels = [
        *SectionPage.content_panels,
        FieldPanel("strategic_line"),
        FieldPanel("objective"),
        MultiFieldPanel(
            [
                FieldPanel("responsible_dependency"),
                FieldPanel("contact_position"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Responsible and contact"),
        ),
        FieldPanel("budget"),
        InlinePanel("projects", label=_("projects")),
        FieldPanel("indicators"),
    ]
    search_fields = [
        *SectionPage.search_fields,
        index.SearchField("objective"),
        index.SearchField("strategic_line"),
    ]
    parent_page_types = ["transparency.PlanPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("program")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["project_list"] = list(self.projects.select_related("dependency"))
        return context


PROJECT_STATUSES = [
    ("formulacion", _("Being formulated")),
    ("ejecucion", _("In progress")),
    ("terminado", _("Finished")),
    ("suspendido", _("Suspended")),
]


class ProgramProject(Orderable):
    """An investment project of a program (Res. 1519 item 4.4), with its BPIN code."""

    page = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="projects")
    name = models.CharField(_("name"), max_length=255)
    code = models.CharField(_("BPIN code"), max_length=40, blank=True)
    budget = models.DecimalField(_("budget"), null=True, blank=True, **MONEY)
    status = models.CharField(_("status"), max_length=20, choices=PROJECT_STATUSES)
    dependency = optional_link(Dependency, _("responsible dependency"))

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("budget"),
        FieldPanel("status"),
        FieldPanel("dependency"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projects")


class IndicatorsPage(SectionPage):
    """Metas e indicadores: every indicator of the programs of one plan (or of all
    plans), grouped by program, each with its progress, chart and table."""

    plan = optional_link(
        "transparency.PlanPage",
        _("plan"),
        help_text=_("Leave empty to show the indicators of every plan."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *SectionPage.content_panels,
        PageChooserPanel("plan", "transparency.PlanPage"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("indicators page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programs = ProgramPage.objects.live().public().filter(locale=self.locale)
        if self.plan_id:
            plan = localize_pages([self.plan])[0]
            programs = programs.child_of(plan)
        context["programs"] = [p for p in programs.order_by("path") if p.indicators]
        return context


# Publications -----------------------------------------------------------------------


class PublicationBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=255)
    date = blocks.DateBlock(label=_("date"))
    description = blocks.TextBlock(label=_("description"), required=False)
    document = DocumentChooserBlock(label=_("document"), required=False)
    url = blocks.URLBlock(
        label=_("external address"), required=False, help_text=_("e.g. the SECOP record.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Publication")
        template = "transparency/blocks/publication_block.html"


class ContractBlock(blocks.StructBlock):
    """A contract as SECOP publishes it: the portal links to the record, it does not
    copy the file (Ley 1712 art. 10)."""

    number = blocks.CharBlock(label=_("contract number"), max_length=60)
    purpose = blocks.TextBlock(label=_("purpose"))
    contractor = blocks.CharBlock(label=_("contractor"), max_length=200)
    value = blocks.DecimalBlock(label=_("value (COP)"))
    date = blocks.DateBlock(label=_("signed on"))
    secop_url = blocks.URLBlock(label=_("SECOP record"))

    class Meta:
        icon = "form"
        label = _("Contract")
        template = "transparency/blocks/contract_block.html"


class PublicationsStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    publication = PublicationBlock()
    contract = ContractBlock()


class PublicationsPage(SectionPage):
    """Dated publications of one kind: the annual procurement plan and SECOP records,
    management reports, improvement plans, internal control reports... Each entry has
    a date, and a document or a link."""

    entries = StreamField(PublicationsStreamBlock(), verbose_name=_("publications"), blank=True)

    content_panels = [*SectionPage.content_panels, FieldPanel("entries")]
    search_fields = [*SectionPage.search_fields, index.SearchField("entries")]
    #: reports published as pages of their own (gel's bimonthly report of Decreto 387,
    #: Artículo 8), by label: transparency never imports the apps above it
    subpage_types = ["gel.BimonthlyReportPage"]

    def report_pages(self):
        """The live, public pages under this one, newest first (by their
        ``listing_date`` when they have one, else their first publication), in one
        query per page type."""
        pages = list(self.get_children().live().public().specific())
        return sorted(
            pages,
            key=lambda page: getattr(page, "listing_date", None) or page.first_published_at.date(),
            reverse=True,
        )

    def entries_with_heading(self):
        """Each entry with the heading tag its title takes: one level below the last
        heading block above it, h2 when there is none, so the outline never skips a
        level after the page's h1."""
        heading = "h2"
        for block in self.entries:
            if block.block_type == "heading":
                heading = _SUBHEADING[block.value["level"]]
            yield block, heading

    class Meta:
        verbose_name = _("publications page")


#: the tag of an entry title under a heading block of each level
_SUBHEADING = {"h2": "h3", "h3": "h4"}
