"""The PQRSD figures of the bimonthly report: cases filed, answered, in term and late,
open past their deadline, by type, inside and outside the period, counted exactly."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest

from cms.assessment_facts import fact
from gel.periods import Period
from gel.report_page import BimonthlyReportPage
from pqr.filing import file_case
from pqr.models import Case, Status
from tests.fuzz_samples import SAMPLE_PETITION

pytestmark = pytest.mark.django_db

PERIOD = Period.parse("2020-10")  # 1 September to 31 October 2020


def moment(month, day, hour=10, minute=0):
    return timezone.make_aware(datetime.datetime(2020, month, day, hour, minute))


def day(month, number):
    return datetime.date(2020, month, number)


def case(petition_type, received, due, *, answered=None, status=None):
    """A case filed at ``received`` with the due date ``due``, answered at ``answered``
    (or left open, or closed with ``status``)."""
    filed = file_case({**SAMPLE_PETITION, "petition_type": petition_type}, now=received)
    fields = {"due_date": due, "base_due_date": due}
    if answered is not None:
        fields.update(status=Status.ANSWERED, answered_at=answered, closed_at=answered)
    elif status is not None:
        fields.update(status=status, closed_at=received + datetime.timedelta(days=1))
    Case.objects.filter(pk=filed.case.pk).update(**fields)
    return filed.case


@pytest.fixture
def cases(demo_site):
    Case.objects.all().delete()  # the demo's sample cases (rolled back with the test)
    # in term, inside the period
    case("general", moment(9, 5), day(9, 26), answered=moment(9, 20))
    # answered late inside the period
    case("complaint", moment(9, 10), day(10, 1), answered=moment(10, 5))
    # filed, open, not yet due at the end
    case("claim", moment(10, 20), day(11, 10))
    # filed before, answered in term inside the period
    case("general", moment(8, 20), day(9, 10), answered=moment(9, 8))
    # filed before, still open and past its deadline
    case("documents", moment(8, 1), day(8, 15))
    # filed inside, answered after the period, past its deadline at the end
    case("complaint", moment(10, 1), day(10, 20), answered=moment(11, 5))
    # after the period
    case("general", moment(11, 2), day(11, 20))
    # answered before the period
    case("general", moment(7, 1), day(7, 20), answered=moment(8, 1))
    # transferred inside the period
    case("suggestion", moment(9, 15), day(10, 6), status=Status.TRANSFERRED)
    # first and last minutes of the period; due on its last day is not overdue yet
    case("consultation", moment(9, 1, 0, 30), day(10, 31))
    case("general", moment(10, 31, 23, 30), day(11, 20))
    # filed the minute before the period
    case("praise", moment(8, 31, 23, 59), day(9, 20), answered=moment(8, 31, 23, 59))


EXPECTED_TOTALS = {
    "filed": 7,
    "answered": 3,
    "answered_in_term": 2,
    "answered_late": 1,
    "open_overdue": 2,
    "overdue": 3,
}
EXPECTED_BY_TYPE = {
    "general": (2, 2, 2, 0, 0, 0),
    "documents": (0, 0, 0, 0, 1, 1),
    "consultation": (1, 0, 0, 0, 0, 0),
    "complaint": (2, 1, 0, 1, 1, 2),
    "claim": (1, 0, 0, 0, 0, 0),
    "suggestion": (1, 0, 0, 0, 0, 0),
}
COLUMNS = ("filed", "answered", "answered_in_term", "answered_late", "open_overdue", "overdue")


def assert_figures(figures):
    assert {key: figures[key] for key in EXPECTED_TOTALS} == EXPECTED_TOTALS
    by_type = {row["type"]: tuple(row[column] for column in COLUMNS) for row in figures["by_type"]}
    assert by_type == EXPECTED_BY_TYPE
    general = next(row for row in figures["by_type"] if row["type"] == "general")
    assert set(general["labels"]) == {"es", "en"}
    assert general["labels"]["en"] == "General petition"


def test_pqr_publishes_the_exact_figures_of_the_period(cases, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        figures = fact("pqr.period_figures", PERIOD.start, PERIOD.end)
    assert_figures(figures)


def test_no_case_gives_zeros(demo_site):
    Case.objects.all().delete()
    figures = fact("pqr.period_figures", PERIOD.start, PERIOD.end)
    assert figures == {**dict.fromkeys(EXPECTED_TOTALS, 0), "by_type": []}


def test_the_report_freezes_the_same_figures(cases, client, superuser):
    call_command("gel_report", "--period", "2020-09")
    page = BimonthlyReportPage.objects.get(period_key="es:2020-09-10")
    draft = page.get_latest_revision_as_object()
    assert_figures(draft.figures["pqrsd"])
    assert (draft.period_start, draft.period_end) == (PERIOD.start, PERIOD.end)
    # what the page shows: publish it and read its PQRSD table
    page.get_latest_revision().publish()
    html = client.get(page.url).content.decode()
    for key, value in EXPECTED_TOTALS.items():
        assert f'data-figure="pqrsd-{key}">{value}<' in html
