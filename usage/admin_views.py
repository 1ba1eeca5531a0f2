"""The admin report "Usage statistics": views per page and per day over a period
(the last 30 days unless chosen), and the same table as CSV."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.exports import csv_response

from . import stats
from .forms import PeriodForm, default_period
from .rules import can_view_usage_report


def _period(request):
    """(form, start, end): the chosen period, or the default one when none is chosen
    or the choice is invalid (the form then carries the errors)."""
    start, end = default_period(timezone.localdate())
    if "start" not in request.GET and "end" not in request.GET:
        return PeriodForm(initial={"start": start, "end": end}), start, end
    form = PeriodForm(request.GET)
    if form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, start, end


class UsageReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "usage/admin/report.html"
    page_title = gettext_lazy("Usage statistics")
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_usage_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        form, start, end = _period(self.request)
        per_day = stats.views_per_day(start, end)
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "start": start,
            "end": end,
            "pages": stats.views_per_page(start, end),
            "per_day": per_day,
            "total": sum(views for _day, views in per_day),
            "query": self.request.GET.urlencode(),
        }


def report_csv(request):
    """The report's table of views per page, as CSV (same period, same rule)."""
    if not can_view_usage_report(request.user):
        raise PermissionDenied
    _form, start, end = _period(request)
    rows = (
        [row["page_id"], row["title"], row["views"]] for row in stats.views_per_page(start, end)
    )
    return csv_response(
        f"usage-{start.isoformat()}-{end.isoformat()}",
        [_("Page id"), _("Page"), _("Views")],
        rows,
        private=True,
    )
