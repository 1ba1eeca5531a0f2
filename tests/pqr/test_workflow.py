"""State machine, permissions, extensions, notes and the audit log."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError

from wagtail.models import ModelLogEntry

import pytest

from pqr import rules, workflow
from pqr.models import Case, Status

pytestmark = pytest.mark.django_db

ALL = list(Status)
PAIRS = [(old, new) for old in ALL for new in ALL if old != new]
EXTRA = {
    "answer": "Respuesta de fondo.",
    "transferred_to": "Gobernación de Cundinamarca",
    "message": "Motivo o información faltante.",
}


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_every_transition(make_case, superuser, old, new):
    """Only the transitions in the table are allowed; the rest raise a clear error."""
    case = make_case()
    # A suspended case whose period to complete has ended, so every exit is possible.
    Case.objects.filter(pk=case.pk).update(status=old, completion_deadline="2020-01-01")
    case.refresh_from_db()
    if new in workflow.TRANSITIONS[old]:
        workflow.transition(case, new, superuser, **EXTRA)
        case.refresh_from_db()
        assert case.status == new
        assert ModelLogEntry.objects.filter(
            action="pqr.transition", object_id=str(case.pk)
        ).exists()
    else:
        with pytest.raises(ValidationError):
            workflow.transition(case, new, superuser, **EXTRA)
        case.refresh_from_db()
        assert case.status == old


def test_answer_requires_text(make_case, superuser):
    """A case cannot be answered with an empty answer."""
    case = make_case()
    with pytest.raises(ValidationError):
        workflow.transition(case, Status.ANSWERED, superuser)


def test_transfer_requires_recipient(make_case, superuser):
    """A transfer records the competent authority."""
    case = make_case()
    with pytest.raises(ValidationError):
        workflow.transition(case, Status.TRANSFERRED, superuser)


def test_answer_is_stored_and_emailed(
    make_case, superuser, mailoutbox, django_capture_on_commit_callbacks
):
    """The answer is stored with its date and response time, and e-mailed to the citizen."""
    case = make_case()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(case, Status.ANSWERED, superuser, answer="Se reparó la vía.")
    case.refresh_from_db()
    assert case.answered_at and case.response_days is not None
    assert "Se reparó la vía." in mailoutbox[-1].body


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("superuser", True),
        ("officer", True),
        ("other_officer", False),
        ("triage", True),
        ("citizen", False),
        ("editor", False),
        ("officer_without_profile", False),
    ],
)
def test_who_may_act(request, make_case, dependencies, make_officer, make_user, who, allowed):
    """Officials act on their dependency's cases; triage staff on all; others never."""
    case = make_case(dependency=dependencies[0])
    if who == "triage":
        user = make_officer("triage@test.example", sees_all=True)
    elif who == "officer_without_profile":
        user = make_user("sinperfil@test.example", groups=["Funcionarios PQRSD"])
    else:
        user = request.getfixturevalue(who)
    assert rules.can_answer_case(user, case) is allowed
    if allowed:
        workflow.transition(case, Status.IN_PROCESS, user)
        workflow.add_note(case, user, "Revisar con obras.")
    else:
        with pytest.raises(PermissionDenied):
            workflow.transition(case, Status.IN_PROCESS, user)
        with pytest.raises(PermissionDenied):
            workflow.add_note(case, user, "x")


def test_extension_once(make_case, superuser):
    """One extension with a reason, before the due date, within 2x the term; a second is refused."""
    case = make_case()
    today = case.received_at.date()
    new_date = case.due_date + datetime.timedelta(days=7)
    workflow.extend(case, superuser, new_date, "Requiere visita técnica.", today=today)
    case.refresh_from_db()
    assert case.due_date == new_date and case.base_due_date < new_date
    assert ModelLogEntry.objects.filter(action="pqr.extend", object_id=str(case.pk)).exists()
    with pytest.raises(ValidationError, match="segunda prórroga"):
        workflow.extend(case, superuser, new_date + datetime.timedelta(days=1), "Otra", today=today)


def test_extension_rules(make_case, superuser):
    """No extension after the due date, without a reason or beyond twice the term."""
    case = make_case()
    with pytest.raises(ValidationError):
        workflow.extend(case, superuser, case.due_date + datetime.timedelta(days=3), "")
    with pytest.raises(ValidationError):
        workflow.extend(
            case,
            superuser,
            case.due_date + datetime.timedelta(days=3),
            "Motivo",
            today=case.due_date + datetime.timedelta(days=1),
        )
    with pytest.raises(ValidationError):
        workflow.extend(case, superuser, case.due_date + datetime.timedelta(days=60), "Motivo")
    case.refresh_from_db()
    assert not case.extended


def test_notes_are_internal(client, make_case, superuser):
    """Internal notes never reach the citizen's tracking page."""
    case = make_case()
    workflow.add_note(case, superuser, "Nota secreta del funcionario")
    url = f"/es/pqrsd/consulta/?radicado={case.radicado}&codigo={case.code}"
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert "Nota secreta" not in response.content.decode()


def test_assign_is_logged(make_case, superuser, dependencies, officer):
    """Assigning a dependency and an official leaves an audit-log entry."""
    case = make_case()
    workflow.assign(case, superuser, dependencies[0], officer)
    case.refresh_from_db()
    assert case.dependency == dependencies[0] and case.assigned_to == officer
    assert ModelLogEntry.objects.filter(action="pqr.assign", object_id=str(case.pk)).exists()


def test_filing_is_logged(make_case):
    """Filing itself is in the audit log."""
    case = make_case()
    assert ModelLogEntry.objects.filter(action="pqr.file", object_id=str(case.pk)).exists()
