"""Agree and disagree. Each button posts the state it asks for (``agree``,
``disagree`` or ``none``), so sending it twice changes nothing."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate, too_many_requests
from participation import contributions
from participation.models import Reaction

from .common import (
    REFUSED_TEMPLATE,
    comment_url,
    public_comment,
    refuse_standing,
    refused,
    sign_in,
)

VALUES = {"agree": Reaction.AGREE, "disagree": Reaction.DISAGREE, "none": 0}


@require_POST
@ratelimit(
    group="participation_react.user",
    key="user_or_ip",
    rate=rate("participation_react"),
    method="POST",
    block=False,
)
@ratelimit(
    group="participation_react.ip",
    key="ip",
    rate=rate("participation_react"),
    method="POST",
    block=False,
)
def comment_react(request, pk):
    comment = public_comment(pk)
    back = comment_url(request, comment)
    if not request.user.is_authenticated:
        return sign_in(request, back)
    refusal = refuse_standing(request, back)
    if refusal:
        return refusal
    value = VALUES.get(request.POST.get("value", ""))
    if value is None:
        return refused(request, _("Choose agree or disagree."), status=400, back=back)
    if is_limited(request):
        context = {
            "message": _("Too many reactions in a short time. Wait a minute and try again."),
            "back_url": back,
        }
        return too_many_requests(request, REFUSED_TEMPLATE, context)
    try:
        contributions.react(request.user, comment, value)
    except contributions.Refused as refusal:
        return refused(request, refusal.message, status=409, back=back)
    if value:
        messages.success(request, _("Your reaction was saved."))
    else:
        messages.success(request, _("Your reaction was removed."))
    return redirect(back)
