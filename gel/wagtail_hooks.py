"""Admin wiring: the committee's manual evaluations and the snapshots, as snippets
guarded by gel.rules, and the committee's "take a snapshot" button."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, rules
from .models import ManualEvaluation, Snapshot

register_permission_policy(ManualEvaluation, rules.SelfAssessmentPermissionPolicy(ManualEvaluation))
register_permission_policy(Snapshot, rules.SnapshotPermissionPolicy(Snapshot))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("gel/instantanea/", admin_views.take_snapshot, name="gel_take_snapshot")]


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


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def record_who_evaluated(request, instance):
    if isinstance(instance, ManualEvaluation) and instance.recorded_by_id != request.user.pk:
        ManualEvaluation.objects.filter(pk=instance.pk).update(recorded_by=request.user)
