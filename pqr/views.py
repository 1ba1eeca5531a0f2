"""Public PQRSD views: file, acknowledge, track, rate, my petitions and statistics."""

from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from django_ratelimit.decorators import ratelimit

from cms import ratelimits
from cms.exports import csv_response
from cms.pagination import paginate
from cms.ratelimits import is_limited, too_many_requests

from . import deadlines, rules, terms, workflow
from .filing import code_matches, file_web_form
from .forms import CompletionForm, FilingForm, RatingForm, TrackingForm
from .models import Case, ClosureDay, PetitionType, Status
from .privacy import (
    ACK_KEPT,
    ACK_SESSION_KEY,
    personal_data,
    remember_tracked,
    tracked_case,
)
from .stats import quarterly_stats


@personal_data
@ratelimit(key="ip", rate=ratelimits.rate("pqr_filing"), method="POST", block=False)
def file_petition(request):
    """The filing form. A valid POST files the case and redirects to its acknowledgement."""
    if request.method == "POST":
        form = FilingForm(request.POST, request.FILES)
        if is_limited(request):
            return too_many_requests(request, "pqr/file_petition.html", {"form": form})
        if form.is_valid():
            data = form.cleaned_data
            filed = file_web_form(request, data)
            if filed.code:
                acks = request.session.get(ACK_SESSION_KEY, {})
                acks[filed.case.radicado] = filed.code
                request.session[ACK_SESSION_KEY] = dict(list(acks.items())[-ACK_KEPT:])
            elif filed.case.radicado not in request.session.get(ACK_SESSION_KEY, {}):
                # The same form arrived twice from elsewhere: show the first filing,
                # without its code (only the first response and e-mail carry it).
                context = {"case": filed.case, "code": None, "repeated": True}
                return render(request, "pqr/acknowledgement.html", context)
            return redirect("pqr:acknowledgement", radicado=filed.case.radicado)
    else:
        # ``?tipo=`` preselects a type (e.g. "reclamo" from a moderation decision's
        # e-mail); an unknown value leaves the default.
        wanted = request.GET.get("tipo", "")
        known = {value for value, _label in FilingForm.base_fields["petition_type"].choices}
        form = FilingForm(
            initial={"petition_type": wanted} if wanted in known else None, user=request.user
        )
    return render(request, "pqr/file_petition.html", {"form": form})


@personal_data
def acknowledgement(request, radicado):
    """The constancia de radicación, shown to the browser that filed the case."""
    code = request.session.get(ACK_SESSION_KEY, {}).get(radicado)
    case = Case.objects.filter(radicado=radicado).first()
    if case is None or not (code or rules.is_petitioner(request.user, case)):
        raise Http404
    if code:
        remember_tracked(request, case)
    return render(request, "pqr/acknowledgement.html", {"case": case, "code": code})


def _find(radicado, code):
    case = Case.objects.select_related("rating").filter(radicado=radicado).first()
    if case is None or not code_matches(case, code):
        return None
    return case


@personal_data
@ratelimit(key="ip", rate=ratelimits.rate("pqr_tracking"), method=("GET", "POST"), block=False)
def track(request):
    """Consulta del estado: radicado plus code (a POST form; the GET link of the
    acknowledgement e-mail works too); any mismatch gives the same answer. A match is
    remembered in the session and redirects to the case's URL, which carries no code."""
    data = request.POST if request.method == "POST" else request.GET
    form = TrackingForm(data if {"radicado", "codigo"} & set(data) else None)
    context = {"form": form}
    if form.is_bound:
        if is_limited(request):
            return too_many_requests(request, "pqr/track.html", context)
        if form.is_valid():
            case = _find(form.cleaned_data["radicado"], form.cleaned_data["codigo"])
            if case is None:
                context["not_found"] = True
                return render(request, "pqr/track.html", context, status=404)
            remember_tracked(request, case)
            response = redirect("pqr:tracked", radicado=case.radicado)
            response["Referrer-Policy"] = "no-referrer"
            return response
    return render(request, "pqr/track.html", context)


@personal_data
def tracked(request, radicado):
    """A case this browser has opened with its code (see ``track``)."""
    case = tracked_case(request, radicado)
    if case is None:
        return redirect("pqr:track")
    return render(request, "pqr/track.html", {**_case_context(case), "form": None})


def _case_context(case, completion_form=None):
    can_rate = case.status == Status.ANSWERED and not hasattr(case, "rating")
    if case.term_suspended and completion_form is None:
        completion_form = CompletionForm()
    return {
        "case": case,
        "events": case.events.filter(public=True),
        "rating_form": RatingForm() if can_rate else None,
        "completion_form": completion_form if case.term_suspended else None,
    }


def _tracking_url(case, mine, anchor):
    name = "pqr:my_case" if mine else "pqr:tracked"
    return f"{reverse(name, args=[case.radicado])}#{anchor}"


def _case_for_post(request):
    """The case a completion or rating is about, and whether it is the user's own one:
    by radicado plus code, by a radicado this browser already opened with its code, or
    (completion only) among the logged-in user's petitions."""
    radicado = request.POST.get("radicado", "").strip().upper()[:30]
    code = request.POST.get("codigo", "")[:64]
    if code:
        case = _find(radicado, code)
    else:
        case = tracked_case(request, radicado)
    if case is not None:
        remember_tracked(request, case)
        return case, False
    if not code and rules.can_list_own_petitions(request.user):
        mine = rules.own_cases(request.user, Case.objects.filter(radicado=radicado))
        return mine.first(), True
    return None, False


@personal_data
@require_POST
@ratelimit(key="ip", rate=ratelimits.rate("pqr_filing"), method="POST", block=False)
def complete(request):
    """The petitioner supplies what an incomplete petition lacked (Ley 1755 art. 17),
    with the tracking code or from their account; the legal term then restarts."""
    case, mine = _case_for_post(request)
    if case is None:
        raise Http404
    form = CompletionForm(request.POST, request.FILES)
    context = {"form": None, "mine": mine}
    if is_limited(request):
        context.update(_case_context(case, form))
        return too_many_requests(request, "pqr/track.html", context)
    if form.is_valid():
        user = request.user if request.user.is_authenticated else None
        try:
            workflow.complete(
                case, form.cleaned_data["text"], form.cleaned_data["attachments"], user=user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(_tracking_url(case, mine, "history"))
    context.update(_case_context(case, form))
    return render(request, "pqr/track.html", context, status=400)


def anonymous_answers(request):
    """Answers to anonymous petitions without an address, published like a notice
    (standards.md §3): only the radicado, type, dates and answer, never the petition."""
    cases = (
        Case.objects.filter(status=Status.ANSWERED, anonymous=True, email="", address="")
        .only("radicado", "petition_type", "received_at", "answered_at", "answer")
        .order_by("-answered_at", "-pk")
    )
    notices = []
    page = paginate(request, cases, terms.ANONYMOUS_ANSWERS_PER_PAGE, notices)
    closures = ClosureDay.dates() if page.object_list else frozenset()
    for case in page:
        published = deadlines.timezone_date(case.answered_at)
        case.notice_ends = deadlines.add_business_days(
            deadlines.on_or_after_business_day(published, closures),
            terms.ANONYMOUS_NOTICE_DAYS,
            closures,
        )
    return render(
        request,
        "pqr/anonymous_answers.html",
        {"page_obj": page, "notices": notices, "notice_days": terms.ANONYMOUS_NOTICE_DAYS},
    )


@personal_data
@require_POST
@ratelimit(key="ip", rate=ratelimits.rate("pqr_tracking"), method="POST", block=False)
def rate(request):
    """The satisfaction rating, once per answered case."""
    if is_limited(request):
        # Checked before the case is looked up, so past the limit nobody learns whether
        # a radicado and code match: the friendly 429 page, not the case.
        return too_many_requests(request)
    case, mine = _case_for_post(request)
    if case is None or mine:
        raise Http404
    form = RatingForm(request.POST)
    if case.status == Status.ANSWERED and not hasattr(case, "rating") and form.is_valid():
        form.instance.case = case
        form.save()
    elif case.status == Status.ANSWERED and not hasattr(case, "rating"):
        context = {**_case_context(case), "form": None, "rating_form": form}
        return render(request, "pqr/track.html", context, status=400)
    return redirect(_tracking_url(case, False, "rating"))


@personal_data
@user_passes_test(rules.can_list_own_petitions)  # anonymous visitors are sent to sign in
def my_cases(request):
    """The logged-in citizen's own petitions."""
    cases = rules.own_cases(request.user, Case.objects.all()).order_by("-received_at")
    return render(request, "pqr/my_cases.html", {"cases": cases})


@personal_data
@user_passes_test(rules.can_list_own_petitions)
def my_case(request, radicado):
    case = rules.own_cases(request.user, Case.objects.filter(radicado=radicado)).first()
    if case is None:
        raise Http404
    return render(request, "pqr/track.html", {**_case_context(case), "form": None, "mine": True})


def _year(request):
    try:
        return int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year


def statistics(request):
    """Transparency item 4.10: the quarterly PQRSD report."""
    year = _year(request)
    rows = quarterly_stats(year)
    return render(
        request,
        "pqr/statistics.html",
        {"year": year, "rows": rows, "types": PetitionType.choices},
    )


def statistics_csv(request):
    year = _year(request)
    header = (
        [_("Quarter"), _("Received (total)")]
        + [label for _value, label in PetitionType.choices]
        + [
            _("Answered on time"),
            _("Answered late"),
            _("Transferred"),
            _("Average response (business days)"),
        ]
    )
    rows = (
        [row["quarter"], row["received"]]
        + [row["by_type"].get(value, 0) for value, _label in PetitionType.choices]
        + [row["on_time"], row["late"], row["transferred"], row["avg_days"] or ""]
        for row in quarterly_stats(year)
    )
    return csv_response(f"pqrsd-{year}", header, rows)
