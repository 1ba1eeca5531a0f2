"""Admin wiring: the committee's manual evaluations and the snapshots, as snippets
guarded by gel.rules, and the committee's "take a snapshot" button; the action plan's
actions and activities as snippets (the committee edits, Control Interno reads) and
its progress report in the Reports menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.admin_menu import RuleMenuItem

from . import admin_views, rules
from .models import Action, Activity, ManualEvaluation, Snapshot

register_permission_policy(ManualEvaluation, rules.SelfAssessmentPermissionPolicy(ManualEvaluation))
register_permission_policy(Snapshot, rules.SnapshotPermissionPolicy(Snapshot))
register_permission_policy(Action, rules.ActionPlanPermissionPolicy(Action))
register_permission_policy(Activity, rules.ActionPlanPermissionPolicy(Activity))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("gel/instantanea/", admin_views.take_snapshot, name="gel_take_snapshot"),
        path("reports/plan-gel/", admin_views.PlanProgressView.as_view(), name="gel_plan_progress"),
    ]


@hooks.register("register_reports_menu_item")
def register_plan_progress_menu_item():
    return RuleMenuItem(
        _("GEL action plan progress"),
        reverse("gel_plan_progress"),
        rule=rules.can_view_action_plan,
        name="gel-plan-progress",
        icon_name="list-ul",
        order=1340,
    )


class ManualEvaluationViewSet(SnippetViewSet):
    model = ManualEvaluation
    icon = "tasks"
    menu_label = _("Manual evaluations")
    list_display = ["criterion_id", "status", "reviewed_on", "recorded_by"]
    list_filter = ["status"]


class SnapshotViewSet(SnippetViewSet):
    model = Snapshot
    icon = "history"
    menu_label = _("Snapshots")
    list_display = ["taken_at", "met", "total", "taken_by"]
    index_template_name = "gel/admin/snapshot_index.html"


class SelfAssessmentGroup(SnippetViewSetGroup):
    items = (ManualEvaluationViewSet, SnapshotViewSet)
    menu_icon = "tasks"
    menu_label = _("GEL self-assessment")
    menu_name = "gel-self-assessment"


register_snippet(SelfAssessmentGroup)


class ActionViewSet(SnippetViewSet):
    model = Action
    icon = "list-ul"
    menu_label = _("Actions")
    list_display = ["sort_order", "name", "phase", "duration"]
    list_filter = ["phase"]


class ActivityViewSet(SnippetViewSet):
    model = Activity
    icon = "tick"
    menu_label = _("Activities and progress")
    list_display = ["description", "action", "progress", "due_date", "updated_by", "updated_at"]
    list_filter = ["action"]


class ActionPlanGroup(SnippetViewSetGroup):
    items = (ActionViewSet, ActivityViewSet)
    menu_icon = "list-ul"
    menu_label = _("GEL action plan")
    menu_name = "gel-action-plan"


register_snippet(ActionPlanGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def record_who_evaluated(request, instance):
    if isinstance(instance, ManualEvaluation) and instance.recorded_by_id != request.user.pk:
        ManualEvaluation.objects.filter(pk=instance.pk).update(recorded_by=request.user)
    if isinstance(instance, Activity) and instance.updated_by_id != request.user.pk:
        Activity.objects.filter(pk=instance.pk).update(updated_by=request.user)
