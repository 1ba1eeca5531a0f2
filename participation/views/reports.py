"""Reporting a comment or a debate to the moderators, once per person."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate, too_many_requests
from participation import contributions
from participation.forms import ReportForm
from participation.models import Comment, Report

from .common import (
    comment_url,
    held_message,
    is_held,
    live_debate,
    page_url,
    public_comment,
    refuse_standing,
    refused,
    sign_in,
)

TEMPLATE = "participation/report_form.html"


def _report(request, context, target, back):
    """The report form of ``target`` (a comment or a debate), and its POST."""
    user = request.user
    if Report.objects.filter(user=user, **target).exists():
        context["already"] = _("You already reported this. A moderator will review it; thank you.")
        status = 409 if request.method == "POST" else 200
        return TemplateResponse(request, TEMPLATE, context, status=status)
    if request.method != "POST":
        context["form"] = ReportForm()
        return TemplateResponse(request, TEMPLATE, context)
    form = context["form"] = ReportForm(request.POST)
    if is_limited(request):
        return too_many_requests(request, TEMPLATE, context)
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, context, status=400)
    data = form.cleaned_data
    try:
        contributions.report(user, data["reason"], data["text"], **target)
    except contributions.Refused as refusal:
        context["error"] = refusal.message
        return TemplateResponse(request, TEMPLATE, context, status=409)
    messages.success(request, _("Thank you: a moderator will review it."))
    return redirect(back)


@require_http_methods(["GET", "POST"])
@ratelimit(
    group="participation_report.user",
    key="user_or_ip",
    rate=rate("participation_report"),
    method="POST",
    block=False,
)
@ratelimit(
    group="participation_report.ip",
    key="ip",
    rate=rate("participation_report"),
    method="POST",
    block=False,
)
def comment_report(request, pk):
    comment = public_comment(pk)
    if not request.user.is_authenticated:
        return sign_in(request)
    back = comment_url(request, comment)
    refusal = refuse_standing(request, back)
    if refusal:
        return refusal
    if comment.user_id == request.user.pk:
        return refused(request, _("You cannot report your own comment."), back=back)
    if comment.status != Comment.PUBLISHED:
        return refused(request, _("This comment is not public."), status=409, back=back)
    context = {"comment": comment, "back_url": back}
    return _report(request, context, {"comment": comment}, back)


@require_http_methods(["GET", "POST"])
@ratelimit(
    group="participation_report.user",
    key="user_or_ip",
    rate=rate("participation_report"),
    method="POST",
    block=False,
)
@ratelimit(
    group="participation_report.ip",
    key="ip",
    rate=rate("participation_report"),
    method="POST",
    block=False,
)
def debate_report(request, page_id):
    debate = live_debate(page_id)
    if not request.user.is_authenticated:
        return sign_in(request)
    back = page_url(request, debate)
    refusal = refuse_standing(request, back)
    if refusal:
        return refusal
    if is_held(debate):
        return refused(request, held_message(), status=409, back=back)
    context = {"debate": debate, "back_url": back}
    return _report(request, context, {"debate": debate}, back)
