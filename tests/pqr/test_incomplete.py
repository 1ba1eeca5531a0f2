"""Incomplete petitions (Ley 1755 art. 17): suspended term, completion, restart of the
term, one extension of the period to complete, and desistimiento tácito."""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from pqr import deadlines, workflow
from pqr.models import Case, ClosureDay, Status

D = datetime.date
BOGOTA = ZoneInfo("America/Bogota")
TRACK = "/es/pqrsd/consulta/"
COMPLETE = "/es/pqrsd/consulta/completar/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def at(y, m, d, hour=10, minute=0):
    return datetime.datetime(y, m, d, hour, minute, tzinfo=BOGOTA)


# (completed at, type, closures, new due date, why): the full term runs again from the
# business day after completion, with the same calculator as at filing.
RESTART_CASES = [
    (at(2026, 2, 9), "general", (), D(2026, 3, 2), "Monday morning: 15 days"),
    (at(2026, 2, 9, 16, 59), "general", (), D(2026, 3, 2), "one minute before closing"),
    (at(2026, 2, 9, 17, 30), "general", (), D(2026, 3, 3), "after office hours: a day later"),
    (at(2026, 2, 7), "general", (), D(2026, 3, 2), "on a Saturday: counts from Monday"),
    (at(2026, 3, 20), "general", (), D(2026, 4, 15), "standards vector across Semana Santa"),
    (at(2026, 3, 25), "documents", (), D(2026, 4, 10), "documents: 10 days"),
    (at(2025, 12, 22), "consultation", (), D(2026, 2, 5), "consultation: 30 days, new year"),
    (at(2026, 3, 23), "data_claim", (), D(2026, 4, 16), "on San José Monday (holiday)"),
    (at(2026, 12, 24, 16, 59), "data_consultation", (), D(2027, 1, 12), "Christmas Eve, Reyes"),
    (at(2026, 2, 9), "general", (D(2026, 2, 11),), D(2026, 3, 3), "a closure day"),
]


@pytest.mark.parametrize(("completed", "kind", "closures", "expected", "why"), RESTART_CASES)
def test_restart_due_date(completed, kind, closures, expected, why):
    """The recomputed due date (pure calculator)."""
    assert deadlines.due_date(completed, kind, frozenset(closures)) == expected, why


@pytest.mark.django_db
@pytest.mark.parametrize(("completed", "kind", "closures", "expected", "why"), RESTART_CASES)
def test_completion_restarts_term(make_case, superuser, completed, kind, closures, expected, why):
    """Filed, suspended and completed: the case's due date is the recomputed one."""
    ClosureDay.objects.all().delete()  # the demo site's closure day, rolled back after
    for day in closures:
        ClosureDay.objects.create(date=day, reason="Cierre")
    filed_at = completed - datetime.timedelta(days=3)
    case = _file(make_case, filed_at, petition_type=kind)
    workflow.transition(
        case, Status.INCOMPLETE, superuser, message="Falta la cédula.", now=filed_at
    )
    assert case.term_suspended
    workflow.complete(case, "Adjunto la cédula.", now=completed)
    case.refresh_from_db()
    assert case.status == Status.IN_PROCESS
    assert case.due_date == case.base_due_date == expected, why
    assert case.term_started_at == case.completed_at == completed


# (requested on, type, extended, last day to complete, why)
PERIOD_CASES = [
    (D(2026, 2, 10), "general", False, D(2026, 3, 10), "one calendar month"),
    (D(2026, 1, 30), "general", False, D(2026, 3, 2), "30 Jan: end of February is a Saturday"),
    (D(2026, 2, 20), "general", False, D(2026, 3, 20), "same day next month"),
    (D(2026, 2, 23), "general", False, D(2026, 3, 24), "lands on San José Monday"),
    (D(2026, 2, 10), "general", True, D(2026, 4, 10), "extended once: two months"),
    (D(2026, 11, 30), "general", True, D(2027, 2, 1), "extended across the new year"),
    (D(2026, 12, 7), "documents", False, D(2027, 1, 7), "year change"),
    (D(2026, 2, 3), "data_claim", False, D(2026, 4, 6), "habeas data: two months, Good Friday"),
]


@pytest.mark.parametrize(("requested", "kind", "extended", "expected", "why"), PERIOD_CASES)
def test_completion_period(requested, kind, extended, expected, why):
    moment = datetime.datetime.combine(requested, datetime.time(10), BOGOTA)
    assert deadlines.completion_deadline(moment, kind, extended=extended) == expected, why


def _file(make_case, now, **data):
    from pqr.filing import file_case

    values = {
        "petition_type": "general",
        "subject": "Licencia",
        "description": "Solicito copia de la licencia.",
        "name": "Ana Pérez",
        "email": "ana@test.example",
        "answer_channel": "email",
        "consent": True,
        **data,
    }
    filed = file_case(values, now=now)
    filed.case.code = filed.code
    return filed.case


def _suspend(case, user, now=None):
    workflow.transition(case, Status.INCOMPLETE, user, message="Falta el plano.", now=now)
    case.refresh_from_db()
    return case


@pytest.mark.django_db
def test_request_needs_what_is_missing(make_case, superuser):
    case = make_case()
    with pytest.raises(ValidationError):
        workflow.transition(case, Status.INCOMPLETE, superuser, message=" ")
    case.refresh_from_db()
    assert case.status == Status.RECEIVED


@pytest.mark.django_db
def test_request_only_within_ten_business_days(make_case, superuser):
    """Completion must be requested within 10 business days of filing (5 for
    habeas-data claims); later the term can no longer be suspended."""
    case = _file(make_case, at(2026, 2, 9))
    with pytest.raises(ValidationError, match="23 de febrero de 2026"):
        _suspend(case, superuser, now=at(2026, 2, 24))
    _suspend(case, superuser, now=at(2026, 2, 23))
    assert case.status == Status.INCOMPLETE
    claim = _file(make_case, at(2026, 2, 9), petition_type="data_claim")
    with pytest.raises(ValidationError, match="16 de febrero de 2026"):
        _suspend(claim, superuser, now=at(2026, 2, 17))


@pytest.mark.django_db
def test_desistimiento_refused_before_the_month(
    make_case, superuser, mailoutbox, django_capture_on_commit_callbacks
):
    """Tacit withdrawal only after the period to complete, with reasons; it closes
    the case, is audit-logged and the citizen is notified."""
    case = _file(make_case, at(2026, 2, 9))
    _suspend(case, superuser, now=at(2026, 2, 10))
    assert case.completion_deadline == D(2026, 3, 10)
    for day in (at(2026, 2, 11), at(2026, 3, 10, 23, 59)):
        with pytest.raises(ValidationError, match="10 de marzo de 2026"):
            workflow.transition(case, Status.DESISTED, superuser, message="No completó.", now=day)
        case.refresh_from_db()
        assert case.status == Status.INCOMPLETE
    with pytest.raises(ValidationError):
        workflow.transition(case, Status.DESISTED, superuser, message="", now=at(2026, 3, 11))
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(
            case, Status.DESISTED, superuser, message="No aportó el plano.", now=at(2026, 3, 11)
        )
    case.refresh_from_db()
    assert case.status == Status.DESISTED and not case.is_open and case.closed_at
    entry = ModelLogEntry.objects.filter(action="pqr.transition", object_id=str(case.pk)).latest(
        "timestamp"
    )
    assert entry.data["to"] == Status.DESISTED and entry.data["message"] == "No aportó el plano."
    assert "No aportó el plano." in mailoutbox[-1].body


@pytest.mark.django_db
def test_completion_extended_once(make_case, superuser):
    """On the petitioner's request within the period: one more month, once."""
    case = _file(make_case, at(2026, 2, 9))
    _suspend(case, superuser, now=at(2026, 2, 10))
    with pytest.raises(ValidationError):
        workflow.extend_completion(case, superuser, "", today=D(2026, 3, 1))
    with pytest.raises(ValidationError):
        workflow.extend_completion(case, superuser, "Pidió más tiempo", today=D(2026, 3, 11))
    workflow.extend_completion(case, superuser, "Pidió más tiempo", today=D(2026, 3, 1))
    case.refresh_from_db()
    assert case.completion_deadline == D(2026, 4, 10) and case.completion_extended
    assert ModelLogEntry.objects.filter(
        action="pqr.extend_completion", object_id=str(case.pk)
    ).exists()
    with pytest.raises(ValidationError, match="ya se prorrogó"):
        workflow.extend_completion(case, superuser, "Otra vez", today=D(2026, 3, 2))
    with pytest.raises(ValidationError):
        workflow.transition(case, Status.DESISTED, superuser, message="x", now=at(2026, 4, 10))


@pytest.mark.django_db
def test_habeas_data_claim_period_not_extendable(make_case, superuser):
    case = _file(make_case, at(2026, 2, 2), petition_type="data_claim")
    _suspend(case, superuser, now=at(2026, 2, 3))
    assert case.completion_deadline == D(2026, 4, 6)
    with pytest.raises(ValidationError):
        workflow.extend_completion(case, superuser, "Pidió más tiempo", today=D(2026, 2, 10))


@pytest.mark.django_db
def test_suspended_term_cannot_be_extended(make_case, superuser):
    case = make_case()
    _suspend(case, superuser)
    with pytest.raises(ValidationError):
        workflow.extend(case, superuser, case.due_date + datetime.timedelta(days=2), "Motivo")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("superuser", True),
        ("officer", True),
        ("triage", True),
        ("other_officer", False),
        ("citizen", False),
        ("editor", False),
        ("control", False),
    ],
)
def test_who_may_suspend_extend_and_desist(
    request, make_case, dependencies, make_officer, make_user, superuser, who, allowed
):
    """Each step of the incomplete-petition flow: only officials who handle the case."""
    if who == "triage":
        user = make_officer("triage@test.example", sees_all=True)
    elif who == "control":
        user = make_user("control@test.example", groups=["Control Interno"])
    else:
        user = request.getfixturevalue(who)
    case = _file(make_case, at(2026, 2, 9))
    case.dependency = dependencies[0]
    case.save()
    steps = [
        lambda actor: workflow.transition(
            case, Status.INCOMPLETE, actor, message="Falta el plano.", now=at(2026, 2, 10)
        ),
        lambda actor: workflow.extend_completion(
            case, actor, "Pidió más tiempo", today=D(2026, 3, 1)
        ),
        lambda actor: workflow.transition(
            case, Status.DESISTED, actor, message="No completó.", now=at(2026, 4, 13)
        ),
    ]
    for step in steps:
        if not allowed:
            with pytest.raises(PermissionDenied):
                step(user)
        # An authorised official takes the case on when the user may not.
        step(user if allowed else superuser)
        case.refresh_from_db()
    assert case.status == Status.DESISTED


@pytest.mark.django_db
def test_staff_record_completion(client, officer, dependencies, make_case):
    """Staff record that the petitioner completed: back in process, term restarted."""
    case = make_case(dependency=dependencies[0])
    _suspend(case, officer)
    client.force_login(officer)
    url = reverse("pqr_admin:case", args=[case.pk])
    response = client.post(url, {"action": "transition", "status": "in_process", "message": ""})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.IN_PROCESS and case.completed_at is not None
    assert case.term_started_at == case.completed_at
    assert case.events.filter(status=Status.IN_PROCESS, public=True).exists()


@pytest.mark.django_db
def test_tracking_page_shows_suspension(client, make_case, superuser):
    """The citizen sees the paused term, what is missing, the deadline and the form."""
    case = make_case()
    _suspend(case, superuser)
    body = client.post(
        TRACK, {"radicado": case.radicado, "codigo": case.code}, follow=True
    ).content.decode()
    assert 'id="completion"' in body and "Falta el plano." in body
    assert "Término suspendido" in body
    assert f'action="{COMPLETE}"' in body and 'enctype="multipart/form-data"' in body


@pytest.mark.django_db
def test_citizen_completes_with_code(client, make_case, superuser, mailoutbox):
    """Through the tracking page, with the code: text and a file; term restarted."""
    case = make_case()
    _suspend(case, superuser)
    data = {
        "radicado": case.radicado,
        "codigo": case.code,
        "text": "Adjunto el plano del predio.",
        "attachments": SimpleUploadedFile("plano.pdf", PDF, content_type="application/pdf"),
    }
    response = client.post(COMPLETE, data)
    assert response.status_code == 302 and response.url.startswith(TRACK)
    case.refresh_from_db()
    assert case.status == Status.IN_PROCESS and case.completed_at
    assert case.attachments.get().name == "plano.pdf"
    body = client.get(response.url).content.decode()
    assert "Adjunto el plano del predio." in body and 'id="completion"' not in body


@pytest.mark.django_db
def test_completion_refused_without_code_or_content(client, make_case, superuser):
    """A wrong code is a 404; an empty or invalid submission keeps the text and changes
    nothing; a case not waiting for information cannot be "completed"."""
    case = make_case()
    other = make_case()
    _suspend(case, superuser)
    wrong = client.post(COMPLETE, {"radicado": case.radicado, "codigo": "x", "text": "Hola"})
    assert wrong.status_code == 404
    empty = client.post(COMPLETE, {"radicado": case.radicado, "codigo": case.code, "text": ""})
    assert empty.status_code == 400
    assert "Escriba la información que faltaba" in empty.content.decode()
    bad_file = client.post(
        COMPLETE,
        {
            "radicado": case.radicado,
            "codigo": case.code,
            "text": "Texto que se conserva",
            "attachments": SimpleUploadedFile("x.exe", b"MZ\x90\x00", content_type="text/plain"),
        },
    )
    assert bad_file.status_code == 400
    assert "Texto que se conserva" in bad_file.content.decode()
    case.refresh_from_db()
    assert case.status == Status.INCOMPLETE and not case.attachments.exists()
    not_waiting = client.post(
        COMPLETE, {"radicado": other.radicado, "codigo": other.code, "text": "Hola"}
    )
    assert not_waiting.status_code == 400
    other.refresh_from_db()
    assert other.status == Status.RECEIVED


@pytest.mark.django_db
def test_owner_completes_from_account(client, make_case, superuser, citizen, make_user):
    """The logged-in filer completes from "my petitions"; another citizen cannot."""
    case = make_case()
    Case.objects.filter(pk=case.pk).update(user=citizen)
    case.refresh_from_db()
    _suspend(case, superuser)
    intruder = make_user("intruso@test.example")
    client.force_login(intruder)
    assert client.post(COMPLETE, {"radicado": case.radicado, "text": "x"}).status_code == 404
    client.force_login(citizen)
    page = client.get(reverse("pqr:my_case", args=[case.radicado])).content.decode()
    assert 'id="completion"' in page
    response = client.post(COMPLETE, {"radicado": case.radicado, "text": "Aquí está."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.IN_PROCESS


@pytest.mark.django_db
def test_suspended_case_not_overdue(client, superuser, make_case):
    """While suspended a case is neither overdue in the inbox nor in the reminders; once
    the period to complete has ended, the inbox says so."""
    from pqr.tasks import reminders

    case = make_case()
    _suspend(case, superuser)
    Case.objects.filter(pk=case.pk).update(due_date="2020-01-01", completion_deadline="2020-02-01")
    client.force_login(superuser)
    body = client.get(reverse("pqr_admin:inbox")).content.decode()
    assert case.radicado in body and 'class="pqr-overdue"' not in body
    assert "pqr-completion-expired" in body
    assert not [item for item in reminders() if case in item[1] + item[2]]
