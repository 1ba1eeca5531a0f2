"""Votes of the quick poll block. The poll is looked up in the live page it sits on,
so a vote can only name a poll and an option that the page really shows.

The poll's form carries no CSRF token, so the page it sits on (the home page) stays the
same for every visitor and a shared cache may keep it; the vote is accepted only from a
page of this site (``origin.sent_from_this_site``, as the feedback widget), is
rate-limited per address and counts once per browser and per account."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.fields import StreamField
from wagtail.models import Page

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate, too_many_requests
from surveys import services
from surveys.models import PollVote
from surveys.views.origin import sent_from_this_site
from surveys.views.redirects import back_to, page_id

POLL_BLOCK = "quick_poll"


def find_poll(page, block_id):
    """The QuickPollBlock value with this UUID in any StreamField of ``page``."""
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            for block in getattr(page, model_field.name) or []:
                if block.id == block_id and block.block_type == POLL_BLOCK:
                    return block.value
    return None


def poll_options(value):
    return [(item.id, item.value["label"]) for item in value["options"].bound_blocks]


def poll_tally(page_id, block_id, options):
    counts = dict(
        PollVote.objects.filter(page_id=page_id, block_id=block_id)
        .values_list("option_id")
        .annotate(n=Count("id"))
    )
    total = sum(counts.get(option_id, 0) for option_id, _label in options)
    return total, [
        {
            "label": label,
            "count": counts.get(option_id, 0),
            "percent": round(100 * counts.get(option_id, 0) / total, 1) if total else 0.0,
        }
        for option_id, label in options
    ]


def has_voted(request, page_id, block_id):
    return services.answered_by(
        PollVote.objects.filter(page_id=page_id, block_id=block_id), request
    )


@csrf_exempt
@require_POST
@ratelimit(key="ip", rate=rate("poll_vote"), method="POST", block=False)
def vote(request):
    number = page_id(request.POST.get("page"))
    if number is None:
        return HttpResponseBadRequest(_("This poll does not exist."))
    page = get_object_or_404(Page.objects.live().public(), pk=number).specific
    target = back_to(request, page) + "#encuesta-" + request.POST.get("poll", "")[:64]
    if not sent_from_this_site(request):
        context = {
            "feedback_page": page,
            "error": _(
                "We could not check that your vote was sent from this portal. "
                "Open the page again and vote from there."
            ),
        }
        return TemplateResponse(request, "surveys/feedback_result.html", context, status=403)
    if is_limited(request):
        context = {
            "feedback_page": page,
            "error": _("Too many attempts from your connection. Wait a minute and try again."),
        }
        return too_many_requests(request, "surveys/feedback_result.html", context)
    value = find_poll(page, request.POST.get("poll", ""))
    option_id = request.POST.get("option", "")
    if value is None or option_id not in dict(poll_options(value)):
        messages.error(request, _("Choose one of the options of the poll."))
        return HttpResponseRedirect(target)
    user = request.user if request.user.is_authenticated else None
    token = services.ensure_browser_token(request)
    try:
        with transaction.atomic():
            PollVote.objects.create(
                page=page,
                block_id=request.POST["poll"],
                option_id=option_id,
                user=user,
                browser_token=token,
            )
    except IntegrityError:
        messages.info(request, _("You have already voted in this poll."))
    else:
        messages.success(request, _("Thank you: your vote was counted."))
    return services.set_browser_cookie(request, HttpResponseRedirect(target))
