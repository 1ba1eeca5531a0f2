"""Editors' report: confirmed and pending subscribers per list (counts only, never an
address), messages sent and bounces."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .lists import REPORT_LISTS
from .models import Delivery, Subscription
from .rules import can_view_subscription_report


def report_rows():
    """One row per list (the subscriptions to single processes summed per kind):
    confirmed, pending, messages sent, bounces."""
    subscribers = {
        row["list_key"]: row
        for row in Subscription.objects.values("list_key").annotate(
            confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
            pending=Count("pk", filter=Q(confirmed_at__isnull=True)),
        )
    }
    deliveries = {
        row["announcement__list_key"]: row
        for row in Delivery.objects.values("announcement__list_key").annotate(
            sent=Count("pk", filter=Q(sent_at__isnull=False)),
            bounced=Count("pk", filter=Q(bounced=True)),
        )
    }
    return [
        {
            "key": key,
            "label": label,
            "confirmed": subscribers.get(key, {}).get("confirmed", 0),
            "pending": subscribers.get(key, {}).get("pending", 0),
            "sent": deliveries.get(key, {}).get("sent", 0),
            "bounced": deliveries.get(key, {}).get("bounced", 0),
        }
        for key, label in REPORT_LISTS.items()
    ]


class SubscriptionReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "subscriptions/admin/report.html"
    page_title = _("E-mail subscriptions")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_subscription_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "rows": report_rows()}
