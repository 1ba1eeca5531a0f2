"""Admin wiring for search: the report of popular searches and searches without results,
in the Reports menu of editors and superusers, and the synonyms snippet editors keep."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.admin_menu import RuleMenuItem

from .admin_views import SearchReportView
from .models import Synonym
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


class SynonymViewSet(SnippetViewSet):
    """Search synonyms: editors add, change and delete them (model permissions granted
    by search/migrations/0005)."""

    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["term", "alternatives"]
    search_fields = ["term", "alternatives"]
    search_backend_name = None


register_snippet(SynonymViewSet)
