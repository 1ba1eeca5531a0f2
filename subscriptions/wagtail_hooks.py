"""Admin wiring: the subscriptions report in the Reports menu of editors."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.admin_menu import RuleMenuItem

from .admin_views import SubscriptionReportView
from .rules import can_view_subscription_report


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/suscripciones/",
            SubscriptionReportView.as_view(),
            name="subscriptions_report",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_subscriptions_report_menu_item():
    return RuleMenuItem(
        _("E-mail subscriptions"),
        reverse("subscriptions_report"),
        rule=can_view_subscription_report,
        name="subscriptions-report",
        icon_name="mail",
        order=1320,
    )
