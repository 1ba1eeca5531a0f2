"""The case state machine and who may move a case.

Transitions are data so the tests can walk every pair. Officials act only on cases of
their dependencies (or every case when their profile ``sees_all``); superusers on all."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from cms.roles import PQR_OFFICERS

from . import deadlines
from .models import ClosureDay, Status

TRANSITIONS = {
    Status.RECEIVED: {
        Status.IN_PROCESS,
        Status.ANSWERED,
        Status.TRANSFERRED,
        Status.INCOMPLETE,
        Status.WITHDRAWN,
    },
    Status.IN_PROCESS: {Status.ANSWERED, Status.TRANSFERRED, Status.INCOMPLETE, Status.WITHDRAWN},
    Status.INCOMPLETE: {Status.IN_PROCESS, Status.WITHDRAWN},
    Status.ANSWERED: set(),
    Status.TRANSFERRED: set(),
    Status.WITHDRAWN: set(),
}


def is_officer(user):
    """Superusers and members of the 'Funcionarios PQRSD' group."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=PQR_OFFICERS).exists()


def visible_cases(user, queryset):
    """The cases an official may see: all for superusers and triage staff, otherwise
    those filed under one of their dependencies."""
    if user.is_superuser:
        return queryset
    if not is_officer(user):
        return queryset.none()
    profile = getattr(user, "pqr_profile", None)
    if profile is None:
        return queryset.none()
    if profile.sees_all:
        return queryset
    return queryset.filter(dependency__in=profile.dependencies.all())


def can_handle(user, case):
    from .models import Case

    return visible_cases(user, Case.objects.filter(pk=case.pk)).exists()


def allowed(case, new_status):
    return new_status in TRANSITIONS[Status(case.status)]


def _check(user, case):
    if not can_handle(user, case):
        raise PermissionDenied


@transaction.atomic
def transition(case, new_status, user, *, message="", answer="", transferred_to=""):
    """Move ``case`` to ``new_status``; validates the transition and its data, records
    a public history line and an audit-log entry, and notifies the citizen."""
    from .notifications import notify_status

    _check(user, case)
    if not allowed(case, new_status):
        raise ValidationError(
            _("A case in state “%(old)s” cannot move to “%(new)s”.")
            % {"old": Status(case.status).label, "new": Status(new_status).label}
        )
    now = timezone.now()
    if new_status == Status.ANSWERED:
        if not answer.strip():
            raise ValidationError(_("Write the answer before marking the case as answered."))
        case.answer, case.answered_at, case.closed_at = answer, now, now
        case.response_days = deadlines.business_days_between(
            deadlines.receipt_day(case.received_at, ClosureDay.dates()),
            timezone.localdate(now),
            ClosureDay.dates(),
        )
    if new_status == Status.TRANSFERRED:
        if not transferred_to.strip():
            raise ValidationError(_("Say which authority the case was transferred to."))
        case.transferred_to, case.closed_at = transferred_to, now
    if new_status == Status.WITHDRAWN:
        case.closed_at = now
    old = case.status
    case.status = new_status
    case.save()
    case.events.create(user=user, status=new_status, message=message or answer, public=True)
    log(
        case,
        "pqr.transition",
        user=user,
        data={"from": old, "to": new_status, "message": message},
    )
    transaction.on_commit(lambda: notify_status(case))
    return case


@transaction.atomic
def add_note(case, user, text):
    """An internal note: stored in the history, never shown to the citizen."""
    _check(user, case)
    if not text.strip():
        raise ValidationError(_("The note is empty."))
    case.events.create(user=user, message=text, public=False)
    log(case, "pqr.note", user=user, data={"note": text})


@transaction.atomic
def assign(case, user, dependency, official):
    """File the case under a dependency and an official."""
    _check(user, case)
    case.dependency, case.assigned_to = dependency, official
    case.save(update_fields=["dependency", "assigned_to"])
    log(
        case,
        "pqr.assign",
        user=user,
        data={
            "dependency": str(dependency) if dependency else "",
            "official": str(official) if official else "",
        },
    )


@transaction.atomic
def extend(case, user, new_due_date, reason, today=None):
    """The one extension Ley 1755 art. 14 allows: before the due date, with a reason,
    to at most twice the base term."""
    from .notifications import notify_status

    _check(user, case)
    today = today or timezone.localdate()
    if case.extended:
        raise ValidationError(
            _("This case was already extended once; a second extension is not allowed.")
        )
    if not case.is_open:
        raise ValidationError(_("Only open cases can be extended."))
    if today > case.due_date:
        raise ValidationError(_("The extension must be granted before the due date."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the extension."))
    limit = deadlines.extension_limit(case.received_at, case.petition_type, ClosureDay.dates())
    if new_due_date <= case.due_date or new_due_date > limit:
        raise ValidationError(
            _("The new due date must be after %(due)s and no later than %(limit)s.")
            % {"due": case.due_date.isoformat(), "limit": limit.isoformat()}
        )
    old = case.due_date
    case.due_date, case.extension_reason = new_due_date, reason
    case.save(update_fields=["due_date", "extension_reason"])
    case.events.create(
        user=user,
        message=_("Term extended to %(date)s: %(reason)s")
        % {"date": new_due_date.isoformat(), "reason": reason},
        public=True,
    )
    log(
        case,
        "pqr.extend",
        user=user,
        data={"from": old.isoformat(), "to": new_due_date.isoformat(), "reason": reason},
    )
    transaction.on_commit(lambda: notify_status(case))
