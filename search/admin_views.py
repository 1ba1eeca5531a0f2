"""Editors' report: what citizens search for most, and what they search for and do not
find, over a chosen period. Editors (and superusers) only."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.search_promotions.models import Query

from .models import NoResultDailyHits
from .rules import can_view_search_report

PERIODS = (7, 30, 90)
ROWS = 50


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    """Two tables, popular queries and queries without results, for the last N days."""

    template_name = "search/admin/report.html"
    page_title = _("Searches by citizens")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_search_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_days(self):
        try:
            days = int(self.request.GET.get("days", 30))
        except ValueError:
            days = 30
        return days if days in PERIODS else 30

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = self.get_days()
        since = timezone.localdate() - datetime.timedelta(days=days - 1)
        popular = (
            Query.objects.filter(daily_hits__date__gte=since)
            .annotate(total=Sum("daily_hits__hits"))
            .order_by("-total", "query_string")[:ROWS]
        )
        missed = (
            NoResultDailyHits.objects.filter(date__gte=since)
            .values("query__query_string", "query_id")
            .annotate(total=Sum("hits"))
            .order_by("-total", "query__query_string")[:ROWS]
        )
        context.update(
            days=days,
            periods=PERIODS,
            popular=popular,
            missed=missed,
            promote_url=reverse("wagtailsearchpromotions:add"),
        )
        return context
