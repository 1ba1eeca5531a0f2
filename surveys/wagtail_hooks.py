"""Admin wiring: report, feedback and moderation views with menu items shown only to
the groups that hold the permission."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.admin_menu import RuleMenuItem
from surveys import admin_views, rules

admin_urlpatterns = [
    path("", admin_views.report_index, name="report_index"),
    path("<int:pk>/", admin_views.survey_report, name="survey_report"),
    path("valoracion/", admin_views.feedback_report, name="feedback_report"),
    path("moderacion/", admin_views.moderation, name="moderation"),
    path("moderacion/<int:pk>/", admin_views.moderate, name="moderate"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("encuestas/", include((admin_urlpatterns, "surveys_admin")))]


@hooks.register("register_reports_menu_item")
def register_survey_report():
    return RuleMenuItem(
        _("Surveys"),
        reverse("surveys_admin:report_index"),
        icon_name="list-ul",
        order=900,
        rule=rules.can_view_survey_report,
    )


@hooks.register("register_reports_menu_item")
def register_feedback_report():
    return RuleMenuItem(
        _("Page feedback"),
        reverse("surveys_admin:feedback_report"),
        icon_name="comment",
        order=910,
        rule=rules.can_view_page_feedback,
    )


@hooks.register("register_admin_menu_item")
def register_moderation():
    return RuleMenuItem(
        _("Survey answers to moderate"),
        reverse("surveys_admin:moderation"),
        icon_name="comment",
        order=950,
        rule=rules.can_moderate_answers,
    )
