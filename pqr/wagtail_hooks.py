"""Admin wiring: the PQRSD inbox, closure days and officer profiles, audit-log actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.admin_menu import RuleMenuItem

from . import admin_urls, rules
from .models import ClosureDay, OfficerProfile


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("pqrsd/", include((admin_urls, "pqr_admin"), namespace="pqr_admin"))]


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return RuleMenuItem(
        _("PQRSD inbox"),
        reverse("pqr_admin:inbox"),
        rule=rules.can_open_inbox,
        icon_name="mail",
        order=250,
    )


# Registered before the snippet viewset, which then uses it instead of a fallback.
register_permission_policy(ClosureDay, rules.ClosureDayPermissionPolicy(ClosureDay))


class ClosureDayViewSet(SnippetViewSet):
    model = ClosureDay
    icon = "date"
    menu_label = _("Closure days")
    list_display = ["date", "reason"]


class OfficerProfileViewSet(SnippetViewSet):
    model = OfficerProfile
    icon = "user"
    menu_label = _("PQRSD officers")
    list_display = ["user", "sees_all"]


class PqrSettingsGroup(SnippetViewSetGroup):
    items = (ClosureDayViewSet, OfficerProfileViewSet)
    menu_icon = "mail"
    menu_label = _("PQRSD settings")
    menu_name = "pqrsd-settings"


register_snippet(PqrSettingsGroup)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("pqr.file", _("Filed"), _("PQRSD case filed"))
    actions.register_action("pqr.transition", _("Status changed"), _("PQRSD status changed"))
    actions.register_action("pqr.assign", _("Assigned"), _("PQRSD case assigned"))
    actions.register_action("pqr.extend", _("Term extended"), _("PQRSD term extended"))
    actions.register_action(
        "pqr.extend_completion",
        _("Period to complete extended"),
        _("PQRSD period to complete extended"),
    )
    actions.register_action("pqr.reclassify", _("Type changed"), _("PQRSD type changed"))
    actions.register_action("pqr.note", _("Internal note"), _("PQRSD internal note added"))
