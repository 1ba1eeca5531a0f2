"""Public pages: subscribe, confirm (a button: mail scanners prefetch links), and
unsubscribe (a button on GET; one-click POST per RFC 8058, no sign-in, no CSRF token:
the signed token is the credential)."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate, too_many_requests

from . import digests, lists, services
from .forms import ProcessSubscribeForm, SubscribeForm

FORM_TEMPLATE = "subscriptions/subscribe.html"


def _private(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=rate("subscribe"), method="POST", block=False)
def subscribe(request):
    policy = services.policy_page(request)
    form = SubscribeForm(request.POST or None, initial={"list_key": request.GET.get("lista")})
    context = {
        "form": form,
        "policy_page": policy,
        "confirm_days": settings.SUBSCRIPTIONS_CONFIRM_DAYS,
        "feeds": lists.LISTS,
    }
    if request.method == "POST":
        if is_limited(request):
            return too_many_requests(request, FORM_TEMPLATE, context)
        if form.is_valid():
            services.subscribe(
                form.cleaned_data["email"],
                form.cleaned_data["list_key"],
                dependency=form.cleaned_data["dependency"],
                language=get_language(),
                user=request.user,
                policy=policy,
                base_url=request.build_absolute_uri("/").rstrip("/"),
            )
            return redirect("subscriptions:pending")
    return TemplateResponse(request, FORM_TEMPLATE, context)


PROCESS_TEMPLATE = "subscriptions/subscribe_process.html"


def _process_page(page_id):
    from wagtail.models import Page

    page = Page.objects.live().public().filter(pk=page_id).first()
    page = page.specific if page is not None else None
    if page is None or not lists.is_process(page):
        raise Http404
    return page


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=rate("subscribe"), method="POST", block=False)
def subscribe_process(request, page_id):
    """The subscription to one consultation or debate, on its own page (the process
    page links here, so it sets no cookie and stays cacheable; this form keeps its CSRF
    token): double opt-in, as the lists."""
    page = _process_page(page_id)
    policy = services.policy_page(request)
    form = ProcessSubscribeForm(request.POST or None)
    context = {"form": form, "page": page, "confirm_days": settings.SUBSCRIPTIONS_CONFIRM_DAYS}
    if request.method == "POST":
        if is_limited(request):
            return too_many_requests(request, PROCESS_TEMPLATE, context)
        if form.is_valid():
            services.subscribe(
                form.cleaned_data["email"],
                form.cleaned_data["list_key"],
                page=page,
                language=get_language(),
                user=request.user,
                policy=policy,
                base_url=request.build_absolute_uri("/").rstrip("/"),
            )
            return redirect("subscriptions:pending")
    return TemplateResponse(request, PROCESS_TEMPLATE, context)


def pending(request):
    return TemplateResponse(request, "subscriptions/pending.html", {})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    status = None
    if request.method == "POST":
        status, _ = services.confirm(token)
    context = {"status": status, "token": token}
    code = 400 if status in (services.INVALID, services.EXPIRED) else 200
    return _private(TemplateResponse(request, "subscriptions/confirm.html", context, status=code))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "POST":
        done = services.unsubscribe(token)
        context = {"done": done, "invalid": not done}
        status = 200 if done else 400
    else:
        subscription = services.subscription_for_token(token)
        context = {"subscription": subscription, "invalid": subscription is None}
        status = 200 if subscription else 400
    return _private(
        TemplateResponse(request, "subscriptions/unsubscribe.html", context, status=status)
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def digest_unsubscribe(request, token):
    """Stop a daily or weekly digest (the signed token names the citizen and period):
    a button on GET, one-click POST per RFC 8058."""
    user, period = digests.user_for_token(token)
    context = {"invalid": user is None, "period": period, "done": False}
    if user is not None and request.method == "POST":
        digests.stop(user, period)
        context["done"] = True
    status = 400 if user is None else 200
    return _private(
        TemplateResponse(request, "subscriptions/digest_unsubscribe.html", context, status=status)
    )
