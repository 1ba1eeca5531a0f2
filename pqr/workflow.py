"""The case state machine: which status may follow which, and what each move records.

Transitions are data so the tests can walk every pair. Who may move a case is not
decided here: every action asks ``pqr.rules.can_answer_case`` first."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from . import deadlines, notifications, rules, terms
from .models import RUNNING, ClosureDay, Status


def _day(value):
    """A date as people read it in the active language ("10 de diciembre de 2026")."""
    return formats.date_format(value, "DATE_FORMAT")


TRANSITIONS = {
    Status.RECEIVED: {
        Status.IN_PROCESS,
        Status.ANSWERED,
        Status.TRANSFERRED,
        Status.INCOMPLETE,
        Status.WITHDRAWN,
    },
    Status.IN_PROCESS: {Status.ANSWERED, Status.TRANSFERRED, Status.INCOMPLETE, Status.WITHDRAWN},
    # Leaving INCOMPLETE for IN_PROCESS records that the petitioner completed it.
    Status.INCOMPLETE: {Status.IN_PROCESS, Status.WITHDRAWN, Status.DESISTED},
    Status.ANSWERED: set(),
    Status.TRANSFERRED: set(),
    Status.WITHDRAWN: set(),
    Status.DESISTED: set(),
}


def allowed(case, new_status):
    return new_status in TRANSITIONS[Status(case.status)]


def _check(user, case):
    if not rules.can_answer_case(user, case):
        raise PermissionDenied


@transaction.atomic
def transition(case, new_status, user, *, message="", answer="", transferred_to="", now=None):
    """Move ``case`` to ``new_status``; validates the transition and its data, records
    a public history line and an audit-log entry, and notifies the citizen."""
    _check(user, case)
    if not allowed(case, new_status):
        raise ValidationError(
            _("A case in state “%(old)s” cannot move to “%(new)s”.")
            % {"old": Status(case.status).label, "new": Status(new_status).label}
        )
    now = now or timezone.now()
    closures = ClosureDay.dates()
    message = message.strip()
    if new_status == Status.ANSWERED:
        if not answer.strip():
            raise ValidationError(_("Write the answer before marking the case as answered."))
        case.answer, case.answered_at, case.closed_at = answer, now, now
        case.response_days = deadlines.business_days_between(
            deadlines.receipt_day(case.term_start, closures),
            deadlines.timezone_date(now),
            closures,
        )
    elif new_status == Status.TRANSFERRED:
        if not transferred_to.strip():
            raise ValidationError(_("Say which authority the case was transferred to."))
        case.transferred_to, case.transferred_at, case.closed_at = transferred_to, now, now
        case.transfer_late = deadlines.transfer_is_late(
            case.received_at, now, case.petition_type, closures
        )
        message = message or _(
            "Your request was forwarded to the competent authority: %(authority)s. "
            "That authority will answer it; its term runs from when it receives it."
        ) % {"authority": transferred_to}
    elif new_status == Status.INCOMPLETE:
        message = _request_completion(case, message, now, closures)
    elif new_status == Status.DESISTED:
        _check_desistimiento(case, message, now)
        case.closed_at = now
    elif new_status == Status.IN_PROCESS and case.status == Status.INCOMPLETE:
        message = message or _(
            "The missing information was received; the term starts again in full."
        )
        _restart_term(case, now, closures)
    elif new_status == Status.WITHDRAWN:
        case.closed_at = now
    return _record(case, new_status, user, message or answer, {"message": message})


def _record(case, new_status, user, message, data):
    old = case.status
    case.status = new_status
    case.save()
    case.events.create(user=user, status=new_status, message=message, public=True)
    log(case, "pqr.transition", user=user, data={"from": old, "to": new_status, **data})
    notifications.queue_status(case, message)
    return case


def _request_completion(case, message, now, closures):
    """Ley 1755 art. 17: within the window after filing, ask what is missing; the
    term is suspended and the petitioner gets one month (two for habeas-data claims)."""
    if not message:
        raise ValidationError(_("Say what the petitioner must supply to complete the petition."))
    limit = deadlines.completion_request_limit(case.term_start, case.petition_type, closures)
    if deadlines.timezone_date(now) > limit:
        raise ValidationError(
            _(
                "Completion had to be requested by %(limit)s (%(days)s business days after "
                "filing); the term can no longer be suspended."
            )
            % {"limit": _day(limit), "days": terms.completion_window(case.petition_type)}
        )
    case.completion_request = message
    case.completion_requested_at = now
    case.completion_deadline = deadlines.completion_deadline(now, case.petition_type, closures)
    case.completion_extended = False
    case.completed_at = None
    return _(
        "The petition is incomplete and its term is suspended. Please supply by "
        "%(deadline)s: %(request)s"
    ) % {"deadline": _day(case.completion_deadline), "request": message}


def _check_desistimiento(case, reason, now):
    """Desistimiento tácito only by a motivated act, once the period to complete ended."""
    if not reason:
        raise ValidationError(_("Give the reasons for declaring the tacit withdrawal."))
    deadline = case.completion_deadline
    if deadline is None or deadlines.timezone_date(now) <= deadline:
        raise ValidationError(
            _(
                "The petitioner has until %(deadline)s to complete the petition; tacit "
                "withdrawal can only be declared after that day."
            )
            % {"deadline": _day(deadline) if deadline else "—"}
        )


def _restart_term(case, now, closures):
    """The petition is complete: the full term runs again from the next business day."""
    due = deadlines.due_date(now, case.petition_type, closures)
    case.completed_at = case.term_started_at = now
    case.base_due_date = case.due_date = due


@transaction.atomic
def complete(case, text, files=(), user=None, now=None):
    """The petitioner supplies what was missing (from the tracking page): the files go
    to the private storage, the term restarts and the case is back in process."""
    from .filing import delete_stored, store_attachments

    if case.status != Status.INCOMPLETE:
        raise ValidationError(_("This case is not waiting for information from you."))
    if not text.strip() and not files:
        raise ValidationError(_("Write the missing information or attach it."))
    now = now or timezone.now()
    message = _("The petitioner supplied the missing information: %(text)s") % {
        "text": text.strip() or _("(attached files)")
    }
    stored = []
    try:
        _restart_term(case, now, ClosureDay.dates())
        store_attachments(case, files, stored)
        _record(case, Status.IN_PROCESS, user, message, {"by": "petitioner", "files": len(files)})
    except Exception:
        delete_stored(stored)
        raise
    return case


@transaction.atomic
def extend_completion(case, user, reason, today=None):
    """The one extension of the period to complete, on the petitioner's request made
    within the period (Ley 1755 art. 17; none for habeas-data claims)."""
    _check(user, case)
    today = today or timezone.localdate()
    months = terms.completion_extension_months(case.petition_type)
    if case.status != Status.INCOMPLETE:
        raise ValidationError(_("Only a case waiting to be completed can get more time."))
    if months == 0:
        raise ValidationError(_("The period to complete this type of case cannot be extended."))
    if case.completion_extended:
        raise ValidationError(_("The period to complete was already extended once."))
    if case.completion_deadline and today > case.completion_deadline:
        raise ValidationError(_("The extension must be requested before the period ends."))
    if not reason.strip():
        raise ValidationError(_("Record the petitioner's request for more time."))
    old = case.completion_deadline
    case.completion_deadline = deadlines.completion_deadline(
        case.completion_requested_at, case.petition_type, ClosureDay.dates(), extended=True
    )
    case.completion_extended = True
    case.save(update_fields=["completion_deadline", "completion_extended"])
    message = _("Period to complete extended to %(date)s: %(reason)s") % {
        "date": _day(case.completion_deadline),
        "reason": reason,
    }
    case.events.create(user=user, message=message, public=True)
    log(
        case,
        "pqr.extend_completion",
        user=user,
        data={"from": old.isoformat() if old else "", "to": case.completion_deadline.isoformat()},
    )
    notifications.queue_status(case, message)


@transaction.atomic
def reclassify(case, user, petition_type):
    """Change the type (e.g. to a habeas-data claim); the due date follows the new term."""
    _check(user, case)
    if case.status not in RUNNING:
        raise ValidationError(_("Only a case whose term is running can change type."))
    if case.extended:
        raise ValidationError(_("The type of an extended case cannot change."))
    old = case.petition_type
    case.petition_type = petition_type
    due = deadlines.due_date(case.term_start, petition_type, ClosureDay.dates())
    case.base_due_date = case.due_date = due
    case.save(update_fields=["petition_type", "base_due_date", "due_date"])
    case.events.create(
        user=user,
        message=_("Type changed to %(type)s; due date %(date)s.")
        % {"type": case.get_petition_type_display(), "date": _day(due)},
        public=True,
    )
    log(case, "pqr.reclassify", user=user, data={"from": old, "to": petition_type})


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
    _check(user, case)
    today = today or timezone.localdate()
    if case.extended:
        raise ValidationError(
            _("This case was already extended once; a second extension is not allowed.")
        )
    if case.status not in RUNNING:
        raise ValidationError(_("Only cases whose term is running can be extended."))
    if today > case.due_date:
        raise ValidationError(_("The extension must be granted before the due date."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the extension."))
    limit = deadlines.extension_limit(case.term_start, case.petition_type, ClosureDay.dates())
    if new_due_date <= case.due_date or new_due_date > limit:
        raise ValidationError(
            _("The new due date must be after %(due)s and no later than %(limit)s.")
            % {"due": _day(case.due_date), "limit": _day(limit)}
        )
    old = case.due_date
    case.due_date, case.extension_reason = new_due_date, reason
    case.save(update_fields=["due_date", "extension_reason"])
    case.events.create(
        user=user,
        message=_("Term extended to %(date)s: %(reason)s")
        % {"date": _day(new_due_date), "reason": reason},
        public=True,
    )
    log(
        case,
        "pqr.extend",
        user=user,
        data={"from": old.isoformat(), "to": new_due_date.isoformat(), "reason": reason},
    )
    notifications.queue_status(case)
