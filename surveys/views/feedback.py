"""The "¿Le fue útil esta página?" widget: one small form, rate-limited per address."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from django_ratelimit.decorators import ratelimit

from surveys.forms import FeedbackForm
from surveys.models import PageFeedback


@require_POST
@ratelimit(key="ip", rate="10/h", method="POST", block=False)
def page_feedback(request):
    page = get_object_or_404(Page.objects.live().public(), pk=request.POST.get("page") or 0)
    form = FeedbackForm(request.POST, prefix="feedback")
    context = {"form": form, "feedback_page": page}
    if getattr(request, "limited", False):
        context["error"] = _("Too many opinions from your connection. Try again later.")
        return TemplateResponse(request, "surveys/feedback_result.html", context, status=429)
    if not form.is_valid():
        return TemplateResponse(request, "surveys/feedback_result.html", context, status=400)
    PageFeedback.objects.create(
        page=page, useful=form.cleaned_data["useful"], comment=form.cleaned_data["comment"]
    )
    messages.success(request, _("Thank you for your opinion: it helps us improve the portal."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = page.get_url(request) or "/"
    return redirect(target)
