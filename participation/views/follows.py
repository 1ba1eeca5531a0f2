"""Following a debate or a thread, and the one-click unsubscribe of its e-mails."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from participation.models import Follow


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
