"""One debate for a moderator: its hold, reports and proposer, hide with a reason or
restore it."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.permissions import rule_required
from participation import moderation, rules
from participation.admin_forms import HideForm, NoteForm
from participation.models import REASONS, DebateHold, DebatePage

from .common import back_to_queue, checked_pk, handle_decision

FORMS = {"hide": HideForm, "restore": NoteForm}


@rule_required(rules.can_moderate)
def debate_detail(request, pk):
    debate = get_object_or_404(
        DebatePage.objects.select_related("proposed_by__user", "dependency"), pk=checked_pk(pk)
    )
    hold = DebateHold.objects.filter(debate=debate).first()
    forms = {name: FORMS[name](prefix=name) for name in _shown(debate, hold)}
    if request.method == "POST":
        forms, done = handle_decision(
            request, forms, FORMS, lambda action, form: _apply(action, debate, request.user, form)
        )
        if done:
            return back_to_queue(request, done, "debates")
    profile = debate.proposed_by
    context = {
        "debate": debate,
        "hold": hold,
        "page_url": debate.get_url(request),
        "proposer": profile.user if profile else None,
        "proposer_nickname": profile.nickname if profile else "",
        "reports": debate.reports.order_by("resolved_at", "created_at", "pk"),
        "forms": forms,
    }
    return TemplateResponse(request, "participation/admin/debate.html", context)


def _shown(debate, hold):
    """Restore (or dismiss the reports) when held, hidden or reported; hide unless
    already hidden."""
    shown = []
    if hold is not None or debate.reports.filter(resolved_at__isnull=True).exists():
        shown.append("restore")
    if hold is None or hold.status != DebateHold.HIDDEN:
        shown.append("hide")
    return shown


def _apply(action, debate, moderator, form):
    data = form.cleaned_data
    hold = DebateHold.objects.filter(debate=debate).first()
    if action not in _shown(debate, hold):
        raise moderation.NotAllowed(
            _("This debate cannot be decided that way in its current state.")
        )
    if action == "hide":
        moderation.hide_debate(debate, moderator, data["reason"], data["note"])
        return _("Debate hidden. Reason: %(reason)s.") % {"reason": REASONS[data["reason"]]}
    moderation.restore_debate(debate, moderator, data["note"])
    return _("Debate restored: it is public again and its reports are dismissed.")
