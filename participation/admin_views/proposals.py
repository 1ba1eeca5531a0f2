"""One debate proposal for a moderator: accept it (published as a debate under the
index of its language) or reject it with a reason."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.permissions import rule_required
from participation import moderation, rules
from participation.admin_forms import AcceptProposalForm, RejectProposalForm
from participation.models import DebateProposal

from .common import back_to_queue, checked_pk, handle_decision, nickname

FORMS = {"accept": AcceptProposalForm, "reject": RejectProposalForm}


@rule_required(rules.can_moderate)
def proposal_detail(request, pk):
    proposal = get_object_or_404(
        DebateProposal.objects.select_related(
            "author__participant", "dependency", "decided_by", "debate"
        ),
        pk=checked_pk(pk),
    )
    forms = {}
    if proposal.status == DebateProposal.PENDING:
        forms = {
            "accept": AcceptProposalForm(prefix="accept", initial={"question": proposal.title}),
            "reject": RejectProposalForm(prefix="reject"),
        }
    if request.method == "POST":
        forms, done = handle_decision(
            request,
            forms,
            FORMS,
            lambda action, form: _apply(action, proposal, request.user, form),
        )
        if done:
            return back_to_queue(request, done, "proposals")
    context = {
        "proposal": proposal,
        "nickname": nickname(proposal.author),
        "index": moderation.debate_index_for(proposal.language),
        "forms": forms,
    }
    return TemplateResponse(request, "participation/admin/proposal.html", context)


def _apply(action, proposal, moderator, form):
    data = form.cleaned_data
    if action == "accept":
        page = moderation.accept_proposal(
            proposal, moderator, days=data["days"], question=data["question"]
        )
        return _("Proposal accepted: the debate “%(title)s” is published.") % {"title": page.title}
    moderation.reject_proposal(proposal, moderator, data["reason"])
    return _("Proposal rejected; the author was told why.")
