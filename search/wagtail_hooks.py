"""Admin wiring for search: the report of popular searches and searches without results,
in the Reports menu of editors and superusers."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchReportView, can_view_report


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/busquedas/", SearchReportView.as_view(), name="search_report"),
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("Searches by citizens"),
        reverse("search_report"),
        name="search-report",
        icon_name="search",
        order=1310,
    )
