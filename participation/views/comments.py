"""Commenting: a new comment or a reply, editing within the window, withdrawing."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate, too_many_requests
from participation import contributions, rules
from participation.contexts import debate_index_of
from participation.forms import CommentForm, EditCommentForm
from participation.models import Comment

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

COMMENT_TEMPLATE = "participation/comment_form_page.html"
EDIT_TEMPLATE = "participation/comment_edit.html"
WITHDRAW_TEMPLATE = "participation/comment_withdraw.html"


def _comment_page(request, context, status):
    index = debate_index_of(context["debate"])
    context["code_of_conduct"] = index.code_of_conduct if index else None
    return TemplateResponse(request, COMMENT_TEMPLATE, context, status=status)


@require_POST
@ratelimit(
    group="participation_comment.user",
    key="user_or_ip",
    rate=rate("participation_comment"),
    method="POST",
    block=False,
)
@ratelimit(
    group="participation_comment.ip",
    key="ip",
    rate=rate("participation_comment"),
    method="POST",
    block=False,
)
def comment_post(request, page_id):
    """A comment on the debate, or a reply to ``parent``; back to it on the page."""
    debate = live_debate(page_id)
    if not request.user.is_authenticated:
        return sign_in(request, page_url(request, debate))
    back = page_url(request, debate)
    refusal = refuse_standing(request, back)
    if refusal:
        return refusal
    form = CommentForm(request.POST)
    context = {"debate": debate, "form": form, "parent": None}
    if is_limited(request):
        return too_many_requests(request, COMMENT_TEMPLATE, context)
    if not form.is_valid():
        return _comment_page(request, context, 400)
    data = form.cleaned_data
    if data["parent"]:
        context["parent"] = Comment.objects.filter(pk=data["parent"], page_id=debate.pk).first()
        if context["parent"] is None:
            context["error"] = _("The comment you replied to is not part of this debate.")
            return _comment_page(request, context, 400)
    if is_held(debate):
        context["error"] = held_message()
        return _comment_page(request, context, 409)
    try:
        comment = contributions.post_comment(
            request.user,
            debate,
            data["comment"],
            data["language"],
            parent=context["parent"],
            request=request,
        )
    except contributions.Refused as refusal:
        context["error"] = refusal.message
        return _comment_page(request, context, 409)
    if data["notify"]:
        thread = comment if comment.level == 0 else Comment.objects.get(pk=comment.thread_id)
        contributions.follow(request.user, debate, thread=thread)
    if comment.status == Comment.PENDING:
        messages.success(
            request,
            _("Your comment was received. A moderator will review it before it is published."),
        )
    else:
        messages.success(request, _("Your comment was published."))
    return redirect(comment_url(request, comment))


@require_http_methods(["GET", "POST"])
@ratelimit(
    group="participation_comment.user",
    key="user_or_ip",
    rate=rate("participation_comment"),
    method="POST",
    block=False,
)
@ratelimit(
    group="participation_comment.ip",
    key="ip",
    rate=rate("participation_comment"),
    method="POST",
    block=False,
)
def comment_edit(request, pk):
    """The author corrects a comment within the edit window."""
    comment = public_comment(pk)
    if not request.user.is_authenticated:
        return sign_in(request)
    back = comment_url(request, comment)
    if comment.user_id != request.user.pk:
        return refused(request, _("Only its author can edit this comment."), back=back)
    refusal = refuse_standing(request, back)
    if refusal:
        return refusal
    if not rules.can_edit_comment(request.user, comment):
        return refused(request, _("This comment can no longer be edited."), back=back)
    if request.method != "POST":
        form = EditCommentForm(initial={"comment": comment.comment})
        return TemplateResponse(request, EDIT_TEMPLATE, {"comment": comment, "form": form})
    form = EditCommentForm(request.POST)
    context = {"comment": comment, "form": form}
    if is_limited(request):
        return too_many_requests(request, EDIT_TEMPLATE, context)
    if not form.is_valid():
        return TemplateResponse(request, EDIT_TEMPLATE, context, status=400)
    try:
        contributions.edit_comment(request.user, comment, form.cleaned_data["comment"])
    except contributions.Refused as refusal:
        context["error"] = refusal.message
        return TemplateResponse(request, EDIT_TEMPLATE, context, status=409)
    if comment.status == Comment.PENDING:
        messages.success(
            request, _("Your comment was saved. A moderator will review it before it is public.")
        )
    else:
        messages.success(request, _("Your comment was corrected."))
    return redirect(back)


@require_http_methods(["GET", "POST"])
def comment_withdraw(request, pk):
    """The author withdraws a comment: a placeholder stays, and so do its replies."""
    comment = public_comment(pk)
    if not request.user.is_authenticated:
        return sign_in(request)
    back = comment_url(request, comment)
    if comment.user_id != request.user.pk:
        return refused(request, _("Only its author can withdraw this comment."), back=back)
    if not rules.can_withdraw_comment(request.user, comment):
        return refused(request, _("This comment cannot be withdrawn."), back=back)
    if request.method != "POST":
        return TemplateResponse(request, WITHDRAW_TEMPLATE, {"comment": comment})
    try:
        contributions.withdraw_comment(request.user, comment)
    except contributions.Refused as refusal:
        return refused(request, refusal.message, status=409, back=back)
    messages.success(request, _("Your comment was withdrawn."))
    return redirect(back)
