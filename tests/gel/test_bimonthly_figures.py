"""The bimonthly report's other figures: participation (read by label), the change in
criteria met since the previous report, the action plan, and their query bound."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from gel.bimonthly import compute_figures, criteria_figures
from gel.participation_figures import participation_figures
from gel.periods import Period
from gel.reports import prepare_report
from participation.models import Comment, DebatePage, DraftSection, Reaction, SectionPosition
from surveys.models import Response, SurveyPage

pytestmark = pytest.mark.django_db

OLD = Period.parse("2019-05")  # before any demo content


def test_processes_opened_and_closed_in_the_period(demo_site):
    assert participation_figures(OLD)["processes"] == {
        "surveys": {"opened": 0, "closed": 0},
        "debates": {"opened": 0, "closed": 0},
        "consultations": {"opened": 0, "closed": 0},
    }
    inside = timezone.make_aware(datetime.datetime(2019, 5, 10, 8))
    after = timezone.make_aware(datetime.datetime(2019, 7, 1, 0, 0))
    survey = SurveyPage.objects.live().filter(locale__language_code="es").first()
    SurveyPage.objects.filter(pk=survey.pk).update(opens_at=inside, closes_at=after)
    debate = DebatePage.objects.live().filter(locale__language_code="es").first()
    DebatePage.objects.filter(pk=debate.pk).update(
        opens_at=inside - datetime.timedelta(days=60), closes_at=inside
    )
    processes = participation_figures(OLD)["processes"]
    assert processes["surveys"] == {"opened": 1, "closed": 0}
    assert processes["debates"] == {"opened": 0, "closed": 1}
    assert processes["consultations"] == {"opened": 0, "closed": 0}


def test_participants_are_distinct_people(demo_site, make_user):
    period = Period.containing(timezone.localdate())
    before = participation_figures(period)
    ana, luis = make_user("ana@cifras.example"), make_user("luis@cifras.example")
    survey = SurveyPage.objects.live().filter(locale__language_code="es").first()
    Response.objects.create(survey=survey, user=ana)
    Response.objects.create(survey=survey, browser_token="navegador-anonimo-1")
    comment = Comment.objects.order_by("pk").first()
    section = DraftSection.objects.order_by("pk").first()
    assert comment is not None and section is not None, "the demo has comments and sections"
    Reaction.objects.create(comment=comment, user=ana, value=Reaction.AGREE)
    SectionPosition.objects.create(section=section, user=luis, value=SectionPosition.SUPPORT)
    # outside the period: not counted
    old = SectionPosition.objects.create(
        section=section, user=make_user("old@cifras.example"), value=SectionPosition.OPPOSE
    )
    SectionPosition.objects.filter(pk=old.pk).update(
        updated_at=timezone.make_aware(datetime.datetime(2019, 5, 1))
    )
    after = participation_figures(period)
    changes = {
        key: after["contributions"][key] - before["contributions"][key]
        for key in after["contributions"]
    }
    assert changes == {"survey_responses": 2, "comments": 0, "supports": 1, "reactions": 1}
    assert after["anonymous"] - before["anonymous"] == 1
    assert after["participants"] - before["participants"] == 2  # Ana once, Luis


def test_the_change_since_the_previous_report(demo_site):
    figures = criteria_figures()
    assert all(phase["change"] is None for phase in figures["phases"])
    assert figures["total"]["change"] is None
    assert figures["total"]["total"] == 93
    assert sum(phase["total"] for phase in figures["phases"]) == 93
    earlier = {
        "phases": [{"key": phase["key"], "met": phase["met"] - 2} for phase in figures["phases"]],
        "total": {"met": figures["total"]["met"] - 10},
    }
    changed = criteria_figures(earlier)
    assert [phase["change"] for phase in changed["phases"]] == [2] * 5
    assert changed["total"]["change"] == 10


def test_the_report_compares_with_the_published_previous_one(demo_site):
    first, _status = prepare_report(OLD.previous())
    assert first.figures["criteria"]["total"]["change"] is None
    first.get_latest_revision().publish()
    second, _status = prepare_report(OLD)
    criteria = second.figures["criteria"]
    assert criteria["total"]["change"] == 0  # nothing changed between the two
    assert [phase["change"] for phase in criteria["phases"]] == [0] * 5


def test_the_plan_at_the_period_end(demo_site):
    plan = compute_figures(OLD)["plan"]
    assert len(plan["actions"]) == 22
    assert plan["total"] == sum(action["activities"] for action in plan["actions"])
    assert 0 <= plan["percent"] <= 100
    assert plan["overdue"] == sum(len(action["overdue"]) for action in plan["actions"])


def test_the_figures_are_plain_json_in_a_bounded_number_of_queries(demo_site):
    """A fixed number of queries (the self-assessment's checks run most of them),
    the same however many cases and contributions the period holds."""
    import json

    from pqr.filing import file_case
    from tests.fuzz_samples import SAMPLE_PETITION

    period = Period.containing(timezone.localdate())
    compute_figures(period)  # warm the per-process caches (site, settings, locales)
    with CaptureQueriesContext(connection) as queries:
        figures = compute_figures(period)
    assert json.loads(json.dumps(figures)) == figures
    assert len(queries) <= 70, len(queries)
    assert set(figures) == {"period", "criteria", "plan", "pqrsd", "participation", "usage"}
    survey = SurveyPage.objects.live().filter(locale__language_code="es").first()
    for number in range(5):
        file_case({**SAMPLE_PETITION, "petition_type": ("general", "claim")[number % 2]})
        Response.objects.create(survey=survey, browser_token=f"navegador-{number}")
    with CaptureQueriesContext(connection) as more:
        grown = compute_figures(period)
    assert grown["pqrsd"]["filed"] == figures["pqrsd"]["filed"] + 5
    assert len(more) == len(queries)
