"""The page of a bimonthly report (Decreto 387 de 2009, Artículo 8): one per two-month
period and locale, under transparency's "Informes de gestión, evaluación y auditoría"
(a ``transparency.PublicationsPage``). Its figures are frozen when the report is
generated (``gel.reports``) and never change once published; the editor may only add
observations. The same content is served as a tagged PDF at ``pdf/``."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from cms.models import BasePage

from .periods import Period


class BimonthlyReportPage(RoutablePageMixin, BasePage):
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    #: "<language>:<period label>", unique: one report per period and locale
    period_key = models.CharField(max_length=30, unique=True, editable=False)
    figures = models.JSONField(_("figures"), default=dict, blank=True, editable=False)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True, editable=False)
    observations = RichTextField(
        _("observations"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("The editor's comments on the figures (optional)."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel(
            [FieldPanel("period_start", read_only=True), FieldPanel("period_end", read_only=True)]
        ),
        FieldPanel("observations"),
    ]
    parent_page_types = ["transparency.PublicationsPage"]
    subpage_types = []
    #: made by ``manage.py gel_report`` only (its figures come from the live data): not
    #: added nor copied by hand in the admin
    is_creatable = False

    class Meta:
        verbose_name = _("GEL bimonthly report")
        verbose_name_plural = _("GEL bimonthly reports")

    @property
    def period(self):
        return Period(self.period_start, self.period_end)

    @property
    def listing_date(self):
        """The date the parent's listing sorts its reports by (newest first)."""
        return self.period_start

    @property
    def pdf_route(self):
        """The PDF's path below the page's URL (``pdf/``)."""
        return self.reverse_subpage("pdf")

    @property
    def pdf_filename(self):
        return f"informe-gel-{self.period.label}.pdf"

    def _period_key(self):
        language = self.locale.language_code if self.locale_id else ""
        return f"{language}:{self.period.label}"

    def clean(self):
        super().clean()
        if self.period_start and self.period_end:
            if Period.containing(self.period_start) != self.period:
                raise ValidationError(_("The period must be a two-month period of the year."))
            duplicate = BimonthlyReportPage.objects.filter(period_key=self._period_key())
            if duplicate.exclude(pk=self.pk).exists():
                raise ValidationError(_("There is already a report of this period."))

    def save(self, *args, **kwargs):
        self.period_key = self._period_key()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .report_display import report_context

        context = super().get_context(request, *args, **kwargs)
        context.update(report_context(self))
        return context

    @path("")
    def report(self, request):
        return self.render(request)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from .report_pdf import pdf_response

        return pdf_response(self, request)
