"""Results pages and participation certificates of consultations and debates, and the
public page that verifies a certificate's code.

The consultation's routes ``results`` and ``certificate`` and the debate's
``debate_results`` and ``debate_certificate`` are declared on the page models and
served here (participation.routes)."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail.models import Page

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate, too_many_requests
from participation import certificates, rules
from participation.results import (
    consultation_results_context,
    debate_results_context,
    participant_name,
    participation_dates,
    process_id,
)
from participation.routes import handles

from .common import is_held, sign_in

CERTIFICATE_TEMPLATE = "participation/certificate.html"
VERIFY_TEMPLATE = "participation/certificate_verify.html"


def _visible_debate(request, page):
    """A debate a moderator holds is not public: 404 for everyone else."""
    if is_held(page) and not rules.can_moderate(request.user):
        raise Http404


@handles("results")
def consultation_results(request, page):
    """What was asked, when, who took part, what was decided and how the text changed;
    before the consultation closes, when the results will be published."""
    context = consultation_results_context(page, request)
    context["can_certificate"] = rules.can_get_certificate(request.user, page)
    return TemplateResponse(request, "participation/consultation_results.html", context)


@handles("debate_results")
def debate_results(request, page):
    _visible_debate(request, page)
    context = debate_results_context(page, request)
    context["can_certificate"] = rules.can_get_certificate(request.user, page)
    return TemplateResponse(request, "participation/debate_results.html", context)


def _certificate(request, page, kind):
    if not request.user.is_authenticated:
        return sign_in(request)
    if not rules.can_get_certificate(request.user, page):
        context = {"page": page, "self": page, "kind": kind}
        return TemplateResponse(
            request, "participation/certificate_refused.html", context, status=403
        )
    name = participant_name(request.user)
    code = certificates.make_code(process_id(page), request.user.pk, name)
    verify_url = request.build_absolute_uri(
        reverse("participation:certificate_verify") + "?" + urlencode({"codigo": code})
    )
    context = {
        "page": page,
        "self": page,
        "kind": kind,
        "name": name,
        "dates": participation_dates(request.user, page),
        "code": code,
        "verify_url": verify_url,
        "page_full_url": page.get_full_url(request),
        "download": bool(request.GET.get("descargar")),
        "issued": timezone.localdate(),
        "stylesheet_url": request.build_absolute_uri(static("participation/css/certificate.css")),
    }
    response = TemplateResponse(request, CERTIFICATE_TEMPLATE, context)
    response["Cache-Control"] = "private, no-store"
    if context["download"]:
        filename = f"certificado-participacion-{page.slug}.html"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@handles("certificate")
def consultation_certificate(request, page):
    return _certificate(request, page, "consultation")


@handles("debate_certificate")
def debate_certificate(request, page):
    _visible_debate(request, page)
    return _certificate(request, page, "debate")


@ratelimit(
    group="participation_certificate_verify",
    key="ip",
    rate=rate("participation_certificate_verify"),
    method="GET",
    block=False,
)
def certificate_verify(request):
    """Anyone may check that a certificate's code was issued by the portal: the
    name, process and date it was issued for, or a refusal for a forged code."""
    code = request.GET.get("codigo", "")[:1000]
    context = {"code": code, "checked": bool(code.strip())}
    if is_limited(request):
        return too_many_requests(request, VERIFY_TEMPLATE, context)
    if not context["checked"]:
        return TemplateResponse(request, VERIFY_TEMPLATE, context)
    payload = certificates.read_code(code)
    page = None
    if payload is not None:
        page = Page.objects.live().public().filter(pk=payload["p"]).first()
    if page is None:
        context["error"] = _(
            "This code does not match any certificate issued by this portal. Check that "
            "it was copied completely."
        )
        return TemplateResponse(request, VERIFY_TEMPLATE, context, status=404)
    page = page.localized.specific
    context.update(
        {
            "valid": True,
            "process": page,
            "name": payload["n"],
            "issued": payload["d"],
        }
    )
    return TemplateResponse(request, VERIFY_TEMPLATE, context)
