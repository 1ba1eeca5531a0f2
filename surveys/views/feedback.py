"""The "¿Le fue útil esta página?" widget.

The widget is on every content page, so its form carries no CSRF token: a token would
set the CSRF cookie on every page and make every page private to one browser (no
shared cache, no CDN). The view is exempt from Django's token check and protected
instead by what the token would protect here:

* the POST must come from a page of this site: its ``Origin`` header (or, when a
  browser sends none, its ``Referer``) must be this host or a trusted origin, so
  another site cannot make visitors' browsers send opinions;
* the feedback carries no ambient authority: it is not tied to the user's account
  or session, only to the page, and is stored unpublished for editors;
* the form accepts only yes/no and a length-limited comment, rate-limited per address;
* it is idempotent per page and browser: a signed cookie remembers the opinion this
  browser gave about a page, and sending again updates that opinion."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.models import Page

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate, too_many_requests
from cms.signed_cookies import SignedCookie
from surveys.forms import FeedbackForm
from surveys.models import PageFeedback
from surveys.views.origin import sent_from_this_site
from surveys.views.redirects import back_to, page_id

#: page id -> feedback id of the opinions this browser gave
COOKIE = SignedCookie("soacha_valoracion", salt="surveys.feedback", max_age=60 * 60 * 24 * 365)
#: pages remembered per browser (the oldest are forgotten first)
REMEMBERED = 40


def _remembered(request):
    """{page id: feedback id} of the opinions this browser gave."""
    value = COOKIE.read(request, default="")
    try:
        pairs = [pair.split(":") for pair in value.split(".") if pair]
        return {int(page): int(feedback) for page, feedback in pairs}
    except ValueError:
        return {}


def _remember(request, response, remembered):
    pairs = list(remembered.items())[-REMEMBERED:]
    return COOKIE.write(
        request, response, ".".join(f"{page}:{feedback}" for page, feedback in pairs)
    )


def _result(request, context, status):
    return TemplateResponse(request, "surveys/feedback_result.html", context, status=status)


def _save(request, page, data):
    """Create this browser's opinion about the page, or update the one it gave."""
    remembered = _remembered(request)
    feedback = PageFeedback.objects.filter(page=page, pk=remembered.get(page.pk, 0)).first()
    if feedback is None:
        feedback = PageFeedback.objects.create(
            page=page, useful=data["useful"], comment=data["comment"]
        )
    else:
        feedback.useful = data["useful"]
        feedback.comment = data["comment"] or feedback.comment
        feedback.save(update_fields=["useful", "comment"])
    remembered.pop(page.pk, None)
    remembered[page.pk] = feedback.pk
    return remembered


@csrf_exempt
@require_POST
@ratelimit(key="ip", rate=rate("page_feedback"), method="POST", block=False)
def page_feedback(request):
    number = page_id(request.POST.get("page"))
    if number is None:
        context = {"error": _("This page does not accept opinions. Open it again.")}
        return _result(request, context, 400)
    page = get_object_or_404(Page.objects.live().public(), pk=number)
    form = FeedbackForm(request.POST, prefix="feedback")
    context = {"form": form, "feedback_page": page}
    if not sent_from_this_site(request):
        context["error"] = _(
            "We could not check that your opinion was sent from this portal. "
            "Open the page again and send it from there."
        )
        return _result(request, context, 403)
    if is_limited(request):
        context["error"] = _("Too many opinions from your connection. Try again later.")
        return too_many_requests(request, "surveys/feedback_result.html", context)
    if not form.is_valid():
        return _result(request, context, 400)
    target = back_to(request, page)
    remembered = _save(request, page, form.cleaned_data)
    messages.success(request, _("Thank you for your opinion: it helps us improve the portal."))
    return _remember(request, HttpResponseRedirect(target), remembered)
