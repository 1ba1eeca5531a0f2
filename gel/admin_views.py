"""The committee's button that takes a snapshot of the self-assessment, and the
follow-up report of the action plan."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import rules
from .action_plan import plan_progress
from .assessment import take_snapshot as take


@require_POST
def take_snapshot(request):
    if not rules.can_edit_self_assessment(request.user):
        raise PermissionDenied
    snapshot = take(user=request.user)
    messages.success(
        request,
        _("Snapshot taken: %(met)s of %(total)s criteria met.")
        % {"met": snapshot.met, "total": snapshot.total},
    )
    return redirect("wagtailsnippets_gel_snapshot:list")


class PlanProgressView(WagtailAdminTemplateMixin, TemplateView):
    """The follow-up of the action plan (Artículo 7), read-only: each action's progress
    (the mean of its activities), the overdue activities and the indicator
    "Metas cumplidas / metas trazadas". The committee and Control Interno."""

    template_name = "gel/admin/plan_progress.html"
    page_title = gettext_lazy("GEL action plan progress")
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not rules.can_view_action_plan(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "progress": plan_progress(),
            "can_edit": rules.can_edit_action_plan(self.request.user),
        }
