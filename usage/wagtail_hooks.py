"""Admin wiring: the usage statistics report in the Reports menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.admin_menu import RuleMenuItem

from .admin_views import UsageReportView, report_csv
from .rules import can_view_usage_report


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/uso/", UsageReportView.as_view(), name="usage_report"),
        path("reports/uso.csv", report_csv, name="usage_report_csv"),
    ]


@hooks.register("register_reports_menu_item")
def register_usage_report_menu_item():
    return RuleMenuItem(
        _("Usage statistics"),
        reverse("usage_report"),
        rule=can_view_usage_report,
        name="usage-report",
        icon_name="view",
        order=1330,
    )
