"""Transfer to the competent authority (Ley 1755 art. 21; Ley 1581 art. 15)."""

import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from pqr import deadlines, workflow
from pqr.filing import file_case
from pqr.models import Status

BOGOTA = ZoneInfo("America/Bogota")
TRACK = "/es/pqrsd/consulta/"


def at(y, m, d, hour=10, minute=0):
    return datetime.datetime(y, m, d, hour, minute, tzinfo=BOGOTA)


# (filed, transferred, type, late, why): late after 5 business days from filing
# (2 for habeas-data claims), counted like every other term.
LATE_CASES = [
    (at(2026, 2, 9), at(2026, 2, 9, 15), "general", False, "same day"),
    (at(2026, 2, 9), at(2026, 2, 16), "general", False, "fifth business day"),
    (at(2026, 2, 9), at(2026, 2, 17), "general", True, "sixth business day"),
    (at(2026, 2, 9, 17, 30), at(2026, 2, 17), "general", False, "filed after hours"),
    (at(2026, 3, 27), at(2026, 4, 7), "general", False, "across Semana Santa: day 5"),
    (at(2026, 3, 27), at(2026, 4, 8), "general", True, "across Semana Santa: day 6"),
    (at(2026, 2, 9), at(2026, 2, 11), "data_claim", False, "habeas data: day 2"),
    (at(2026, 2, 9), at(2026, 2, 12), "data_claim", True, "habeas data: day 3"),
]


@pytest.mark.parametrize(("filed", "moved", "kind", "late", "why"), LATE_CASES)
def test_transfer_is_late(filed, moved, kind, late, why):
    assert deadlines.transfer_is_late(filed, moved, kind) is late, why


def _case(now, **data):
    values = {
        "petition_type": "general",
        "subject": "Subsidio",
        "description": "Pregunta sobre un subsidio nacional.",
        "name": "Ana Pérez",
        "email": "ana@test.example",
        "answer_channel": "email",
        "consent": True,
        **data,
    }
    filed = file_case(values, now=now)
    filed.case.code = filed.code
    return filed.case


@pytest.mark.django_db
@pytest.mark.parametrize(("moved", "late"), [(at(2026, 2, 16), False), (at(2026, 2, 17), True)])
def test_transfer_records_and_notifies(
    superuser, mailoutbox, django_capture_on_commit_callbacks, moved, late
):
    """The transfer records the authority, its moment and lateness, is audit-logged and
    e-mailed to the petitioner."""
    case = _case(at(2026, 2, 9))
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(
            case, Status.TRANSFERRED, superuser, transferred_to="Ministerio del Trabajo", now=moved
        )
    case.refresh_from_db()
    assert case.transferred_to == "Ministerio del Trabajo" and case.transferred_at == moved
    assert case.transfer_late is late
    assert ModelLogEntry.objects.filter(action="pqr.transition", object_id=str(case.pk)).exists()
    assert mailoutbox[-1].to == ["ana@test.example"]
    assert "Ministerio del Trabajo" in mailoutbox[-1].body


@pytest.mark.django_db
def test_transfer_of_anonymous_case_is_visible_on_tracking(
    client, superuser, mailoutbox, django_capture_on_commit_callbacks
):
    """No address, no e-mail: the tracking page always shows where the case went."""
    case = _case(
        at(2026, 2, 9), anonymous=True, name="", email="", answer_channel="web", consent=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(case, Status.TRANSFERRED, superuser, transferred_to="ICBF")
    assert mailoutbox == []
    body = client.post(
        TRACK, {"radicado": case.radicado, "codigo": case.code}, follow=True
    ).content.decode()
    assert 'id="transfer-notice"' in body and "ICBF" in body
    assert "Trasladada a otra autoridad" in body


@pytest.mark.django_db
def test_inbox_flags_late_transfers(client, officer, dependencies):
    """The inbox and the case view flag a late transfer, and only a late one."""
    late = _case(at(2026, 2, 9))
    on_time = _case(at(2026, 2, 9))
    for case, moved in ((late, at(2026, 2, 17)), (on_time, at(2026, 2, 10))):
        case.dependency = dependencies[0]
        case.save()
        workflow.transition(case, Status.TRANSFERRED, officer, transferred_to="ICBF", now=moved)
    client.force_login(officer)
    body = client.get(reverse("pqr_admin:inbox"), {"status": "transferred"}).content.decode()
    rows = {case.radicado: _row(body, case.radicado) for case in (late, on_time)}
    assert "pqr-late-transfer" in rows[late.radicado]
    assert "pqr-late-transfer" not in rows[on_time.radicado]
    detail = client.get(reverse("pqr_admin:case", args=[late.pk])).content.decode()
    assert 'id="late-transfer-flag"' in detail
    detail = client.get(reverse("pqr_admin:case", args=[on_time.pk])).content.decode()
    assert 'id="late-transfer-flag"' not in detail


def _row(body, radicado):
    start = body.index(f">{radicado}</a>")
    return body[start : body.index("</tr>", start)]


@pytest.mark.django_db
def test_transfer_by_officer_of_other_dependency_refused(other_officer, dependencies):
    from django.core.exceptions import PermissionDenied

    case = _case(at(2026, 2, 9))
    case.dependency = dependencies[0]
    case.save()
    with pytest.raises(PermissionDenied):
        workflow.transition(case, Status.TRANSFERRED, other_officer, transferred_to="ICBF")
    case.refresh_from_db()
    assert case.status == Status.RECEIVED and not case.transferred_to
