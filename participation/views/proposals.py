"""A citizen proposes a debate; moderators decide (participation.moderation)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.models import Locale

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate, too_many_requests
from participation import contributions
from participation.forms import ProposalForm, current_language
from participation.models import DebateIndexPage

from .common import page_url, refuse_standing, sign_in

TEMPLATE = "participation/propose.html"


def debate_index(request):
    """The live debate index of the active language (or of any), if there is one."""
    indexes = DebateIndexPage.objects.live().public()
    return indexes.filter(locale=Locale.get_active()).first() or indexes.first()


@require_http_methods(["GET", "POST"])
@ratelimit(
    group="participation_propose.user",
    key="user_or_ip",
    rate=rate("participation_propose"),
    method="POST",
    block=False,
)
@ratelimit(
    group="participation_propose.ip",
    key="ip",
    rate=rate("participation_propose"),
    method="POST",
    block=False,
)
def propose(request):
    if not request.user.is_authenticated:
        return sign_in(request)
    index = debate_index(request)
    back = page_url(request, index) if index else "/"
    refusal = refuse_standing(request, back)
    if refusal:
        return refusal
    if request.method != "POST":
        return TemplateResponse(request, TEMPLATE, {"form": ProposalForm(), "back_url": back})
    form = ProposalForm(request.POST)
    context = {"form": form, "back_url": back}
    if is_limited(request):
        return too_many_requests(request, TEMPLATE, context)
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, context, status=400)
    data = form.cleaned_data
    try:
        contributions.propose_debate(
            request.user, data["title"], data["description"], data["dependency"], current_language()
        )
    except contributions.Refused as refusal:
        context["error"] = refusal.message
        return TemplateResponse(request, TEMPLATE, context, status=409)
    messages.success(
        request,
        _(
            "Thank you: your proposal was sent to the moderators. We will tell you by "
            "e-mail what they decide."
        ),
    )
    return redirect(back)
