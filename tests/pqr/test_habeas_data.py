"""Habeas-data requests (Ley 1581 arts. 14-15): terms and the "reclamo en trámite" flag."""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from pqr import deadlines, terms, workflow
from pqr.models import ClosureDay, Status

BOGOTA = ZoneInfo("America/Bogota")
D = datetime.date
FILED = datetime.datetime(2026, 2, 9, 10, tzinfo=BOGOTA)


def test_terms_in_the_terms_module():
    """Consulta 10 (+5) and reclamo 15 (+8) business days, in the one terms module."""
    assert terms.TERMS[terms.DATA_CONSULTATION] == 10
    assert terms.TERMS[terms.DATA_CLAIM] == 15
    assert terms.EXTENSION_DAYS == {terms.DATA_CONSULTATION: 5, terms.DATA_CLAIM: 8}
    assert terms.completion_window(terms.DATA_CLAIM) == 5
    assert terms.completion_months(terms.DATA_CLAIM) == 2
    assert terms.transfer_days(terms.DATA_CLAIM) == 2


@pytest.mark.parametrize(
    ("kind", "due", "limit"),
    [
        ("data_consultation", D(2026, 2, 23), D(2026, 3, 2)),
        ("data_claim", D(2026, 3, 2), D(2026, 3, 12)),
        ("general", D(2026, 3, 2), D(2026, 3, 24)),
    ],
)
def test_due_date_and_extension_cap(kind, due, limit):
    """Habeas-data extensions add 5 or 8 business days; other types may double."""
    assert deadlines.due_date(FILED, kind) == due
    assert deadlines.extension_limit(FILED, kind) == limit


@pytest.mark.django_db
def test_extension_beyond_eight_days_refused(make_case, superuser):
    from pqr.filing import file_case

    case = file_case(
        {"petition_type": "data_claim", "subject": "s", "description": "d", "consent": True},
        now=FILED,
    ).case
    with pytest.raises(ValidationError, match="12 de marzo de 2026"):
        workflow.extend(case, superuser, D(2026, 3, 13), "Motivo", today=D(2026, 2, 20))
    workflow.extend(case, superuser, D(2026, 3, 12), "Motivo", today=D(2026, 2, 20))
    case.refresh_from_db()
    assert case.due_date == D(2026, 3, 12)


def _claim(make_case, dependency, **data):
    return make_case(dependency=dependency, petition_type="data_claim", **data)


@pytest.mark.django_db
def test_claim_flag_in_inbox_and_case_until_answered(client, officer, dependencies, make_case):
    """A data claim shows "Reclamo en trámite" while it runs; other types never do;
    the flag goes once the claim is answered."""
    claim = _claim(make_case, dependencies[0], subject="Corregir mi dirección")
    general = make_case(dependency=dependencies[0])
    client.force_login(officer)
    inbox = reverse("pqr_admin:inbox")
    body = client.get(inbox).content.decode()
    assert body.count("pqr-claim-flag") == 1
    assert "pqr-claim-flag" in body[body.index(claim.radicado) :].split("</tr>")[0]
    detail = client.get(reverse("pqr_admin:case", args=[claim.pk])).content.decode()
    assert 'id="claim-flag"' in detail and "Reclamo en trámite" in detail
    assert "Corregir mi dirección" in detail
    other = client.get(reverse("pqr_admin:case", args=[general.pk])).content.decode()
    assert 'id="claim-flag"' not in other
    workflow.transition(claim, Status.ANSWERED, officer, answer="Dirección corregida.")
    assert "pqr-claim-flag" not in client.get(inbox, {"open": "all"}).content.decode()
    detail = client.get(reverse("pqr_admin:case", args=[claim.pk])).content.decode()
    assert 'id="claim-flag"' not in detail


@pytest.mark.django_db
def test_claim_flag_waits_for_a_complete_claim(make_case, superuser, dependencies):
    """The legend applies to a complete claim: not while it is being completed."""
    claim = _claim(make_case, dependencies[0])
    assert claim.claim_in_process
    workflow.transition(claim, Status.INCOMPLETE, superuser, message="Falta la cédula.")
    assert not claim.claim_in_process
    workflow.transition(claim, Status.IN_PROCESS, superuser)
    assert claim.claim_in_process


@pytest.mark.django_db
def test_reclassify_as_data_claim(client, officer, other_officer, dependencies, make_case):
    """Staff turn a web claim into a habeas-data claim: new term, flag, audit log;
    an official of another dependency cannot."""
    from wagtail.models import ModelLogEntry

    case = make_case(dependency=dependencies[0], petition_type="claim")
    with pytest.raises(PermissionDenied):
        workflow.reclassify(case, other_officer, "data_claim")
    client.force_login(officer)
    url = reverse("pqr_admin:case", args=[case.pk])
    response = client.post(url, {"action": "reclassify", "petition_type": "data_claim"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.petition_type == "data_claim" and case.claim_in_process
    # the entity's closure days count, as for every term (a filing in December
    # spans the demo's year-end closure)
    expected = deadlines.due_date(case.received_at, "data_claim", ClosureDay.dates())
    assert case.due_date == expected
    assert ModelLogEntry.objects.filter(action="pqr.reclassify", object_id=str(case.pk)).exists()
