"""The PQRSD inbox in the Wagtail admin: list, case detail with actions, verbal filing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.consents import admin_url, consent_for
from cms.models import Dependency
from cms.pagination import paginate, query_without_page

from . import deadlines, notifications, rules, terms, workflow
from .admin_forms import (
    AssignForm,
    ExtendCompletionForm,
    ExtendForm,
    NoteForm,
    ReclassifyForm,
    TransitionForm,
    VerbalPetitionForm,
)
from .filing import file_case
from .models import OPEN, RUNNING, Case, ClosureDay, PetitionType, Status


def _require(rule, request):
    """Refuse unless ``rule(user)``; Wagtail's admin turns the refusal into a redirect
    to the dashboard with a message."""
    if not rule(request.user):
        raise PermissionDenied


def _positive_int(value):
    """A database id from a query parameter, or None (letters, "²", out of range)."""
    try:
        number = int(value)
    except ValueError:
        return None
    return number if 0 < number < 2**31 else None


def inbox(request):
    """Cases the official may see, filterable, soonest due first."""
    _require(rules.can_open_inbox, request)
    cases = rules.visible_cases(request.user, Case.objects.all()).select_related(
        "dependency", "assigned_to"
    )
    filters = {key: request.GET.get(key, "") for key in ("status", "type", "dependency", "open")}
    if filters["status"]:
        cases = cases.filter(status=filters["status"])
    if filters["type"]:
        cases = cases.filter(petition_type=filters["type"])
    dependency = _positive_int(filters["dependency"])
    if dependency is not None:
        cases = cases.filter(dependency_id=dependency)
    if filters["open"] != "all" and not filters["status"]:
        cases = cases.filter(status__in=OPEN)
    page = paginate(request, cases.order_by("due_date", "pk"), 50, param="p")
    today = timezone.localdate()
    soon = deadlines.add_business_days(today, terms.DUE_SOON_DAYS, ClosureDay.dates())
    for case in page:
        _flag(case, today, soon)
    return TemplateResponse(
        request,
        "pqr/admin/inbox.html",
        {
            "page_obj": page,
            "extra_query": query_without_page(request, "p"),
            "filters": filters,
            "statuses": Status.choices,
            "types": PetitionType.choices,
            "dependencies": Dependency.objects.filter(locale__language_code="es"),
        },
    )


def _flag(case, today, soon):
    """Inbox highlights. A suspended term (incomplete petition) is neither overdue nor
    due soon; its own flag says when the period to complete ended."""
    running = case.status in RUNNING
    case.overdue = running and case.due_date < today
    case.due_soon = running and today <= case.due_date <= soon
    case.completion_expired = (
        case.term_suspended
        and case.completion_deadline is not None
        and case.completion_deadline < today
    )


FORMS = {
    "transition": TransitionForm,
    "assign": AssignForm,
    "extend": ExtendForm,
    "extend_completion": ExtendCompletionForm,
    "reclassify": ReclassifyForm,
    "note": NoteForm,
}

#: which action forms a case shows, by whether they apply to its state
SHOWN = {
    "transition": lambda case: case.is_open,
    "assign": lambda case: True,
    "extend": lambda case: case.status in RUNNING and not case.extended,
    "extend_completion": lambda case: case.term_suspended and not case.completion_extended,
    "reclassify": lambda case: case.status in RUNNING and not case.extended,
    "note": lambda case: True,
}


def case_detail(request, pk):
    """One case with its full history (internal notes too) and the action forms."""
    _require(rules.can_open_inbox, request)
    # A case the official may not view answers 404, as if it did not exist.
    case = get_object_or_404(rules.visible_cases(request.user, Case.objects.all()), pk=pk)
    can_answer = rules.can_answer_case(request.user, case)
    forms = {
        "transition": TransitionForm(case=case),
        "assign": AssignForm(initial={"dependency": case.dependency, "official": case.assigned_to}),
        "extend": ExtendForm(),
        "extend_completion": ExtendCompletionForm(),
        "reclassify": ReclassifyForm(initial={"petition_type": case.petition_type}),
        "note": NoteForm(),
    }
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in FORMS:
            raise Http404
        if not can_answer:
            raise PermissionDenied
        kwargs = {"case": case} if action == "transition" else {}
        form = FORMS[action](request.POST, **kwargs)
        forms[action] = form
        if form.is_valid():
            try:
                _apply(action, case, request.user, form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Case %(radicado)s updated.") % {"radicado": case.radicado}
                )
                return redirect("pqr_admin:case", pk=case.pk)
    today = timezone.localdate()
    _flag(case, today, today)
    consent = consent_for(case)
    return TemplateResponse(
        request,
        "pqr/admin/case.html",
        {
            "case": case,
            "consent": consent,
            "consent_admin_url": admin_url(consent, request.user),
            "events": case.events.select_related("user"),
            "attachments": (
                case.attachments.all() if rules.can_download_attachments(request.user, case) else ()
            ),
            "forms": {
                action: form for action, form in forms.items() if can_answer and SHOWN[action](case)
            },
        },
    )


def _apply(action, case, user, data):
    if action == "transition":
        workflow.transition(
            case,
            data["status"],
            user,
            message=data["message"],
            answer=data["answer"],
            transferred_to=data["transferred_to"],
        )
    elif action == "assign":
        workflow.assign(case, user, data["dependency"], data["official"])
    elif action == "extend":
        workflow.extend(case, user, data["new_due_date"], data["reason"])
    elif action == "extend_completion":
        workflow.extend_completion(case, user, data["reason"])
    elif action == "reclassify":
        workflow.reclassify(case, user, data["petition_type"])
    else:
        workflow.add_note(case, user, data["text"])


def verbal_create(request):
    """Record a petition received in person or by telephone (Decreto 1166)."""
    _require(rules.can_file_verbal, request)
    form = VerbalPetitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        filed = file_case(
            form.cleaned_data,
            received_by=request.user,
            base_url=notifications.request_base_url(request),
        )
        messages.success(
            request,
            _(
                "Verbal petition filed as %(radicado)s. "
                "Give the petitioner the tracking code: %(code)s"
            )
            % {"radicado": filed.case.radicado, "code": filed.code},
        )
        return redirect("pqr_admin:case", pk=filed.case.pk)
    return TemplateResponse(request, "pqr/admin/verbal.html", {"form": form})
