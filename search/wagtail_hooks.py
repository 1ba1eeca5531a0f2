"""Admin wiring for search: the report of popular searches and searches without results,
in the Reports menu of editors and superusers."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.admin_menu import RuleMenuItem

from .admin_views import SearchReportView
from .rules import can_view_search_report


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/busquedas/", SearchReportView.as_view(), name="search_report"),
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return RuleMenuItem(
        _("Searches by citizens"),
        reverse("search_report"),
        rule=can_view_search_report,
        name="search-report",
        icon_name="search",
        order=1310,
    )
