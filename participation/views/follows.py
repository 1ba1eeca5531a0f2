"""Following a debate or a thread, and the one-click unsubscribe of its e-mails."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate, too_many_requests
from participation import contributions
from participation.models import Comment, Follow

from .common import REFUSED_TEMPLATE, live_debate, page_url, refuse_standing, refused, sign_in


def _thread(request, debate):
    """The conversation named by ``thread`` in the POST (a first-level comment of the
    debate), ``None`` for the whole debate, or ``False`` when it names nothing."""
    value = request.POST.get("thread", "")
    if not value:
        return None
    if not value.isdigit() or len(value) > 10:
        return False
    return Comment.objects.filter(pk=int(value), page_id=debate.pk, level=0).first() or False


@require_POST
@ratelimit(
    group="participation_follow.user",
    key="user_or_ip",
    rate=rate("participation_follow"),
    method="POST",
    block=False,
)
@ratelimit(
    group="participation_follow.ip",
    key="ip",
    rate=rate("participation_follow"),
    method="POST",
    block=False,
)
def follow(request, page_id):
    """Follow the debate, or one conversation (``thread``); ``unfollow`` stops."""
    debate = live_debate(page_id)
    back = page_url(request, debate)
    if not request.user.is_authenticated:
        return sign_in(request, back)
    thread = _thread(request, debate)
    if thread is False:
        return refused(request, _("That conversation is not part of this debate."), 400, back)
    if thread is not None:
        back += f"#comentario-{thread.pk}"
    if is_limited(request):
        context = {
            "message": _("Too many requests. Wait a minute and try again."),
            "back_url": back,
        }
        return too_many_requests(request, REFUSED_TEMPLATE, context)
    if request.POST.get("unfollow"):
        contributions.unfollow(request.user, debate, thread=thread)
        messages.success(request, _("You will no longer receive e-mails about this."))
        return redirect(back)
    refusal = refuse_standing(request, back)
    if refusal:
        return refusal
    try:
        contributions.follow(request.user, debate, thread=thread)
    except contributions.Refused as refusal:
        return refused(request, refusal.message, status=409, back=back)
    if thread is None:
        messages.success(request, _("You will receive an e-mail about each new comment."))
    else:
        messages.success(request, _("You will receive an e-mail about each reply."))
    return redirect(back)


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a token
@require_http_methods(["GET", "POST"])
def unfollow_token(request, token):
    """The unsubscribe link of every e-mail: works without signing in. GET shows one
    button (so a mail scanner that opens links unsubscribes nobody); POST, from that
    button or from the mail client's one-click header, removes the follow."""
    follow = Follow.objects.filter(token=token).select_related("page", "thread").first()
    if request.method == "POST":
        title = follow.page.title if follow else ""
        if follow is not None:
            follow.delete()
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=200)
        return render(request, "participation/unfollowed.html", {"title": title, "done": True})
    status = 200 if follow else 404
    return render(
        request,
        "participation/unfollowed.html",
        {"follow": follow, "title": follow.page.title if follow else "", "done": False},
        status=status,
    )
