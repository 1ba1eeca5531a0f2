"""The per-survey admin report: step funnel, completion rate, answers over time, who
may see it and its query count."""

import secrets
from datetime import timedelta

from django.utils import timezone

import pytest

from surveys import reports
from surveys.models import Response, SurveyStepCount

from .conftest import valid_step1, valid_step2
from .helpers import answer_survey, state_of

pytestmark = pytest.mark.django_db


def counts(survey):
    return {
        row.step: (row.reached, row.completed)
        for row in SurveyStepCount.objects.filter(survey=survey)
    }


def add_responses(survey, per_day):
    """Responses submitted ``days_ago`` days ago: {days_ago: how many}."""
    now = timezone.now()
    for days_ago, n in per_day.items():
        created = Response.objects.bulk_create(
            [Response(survey=survey, browser_token=secrets.token_hex(8)) for _ in range(n)]
        )
        Response.objects.filter(pk__in=[r.pk for r in created]).update(
            submitted_at=now - timedelta(days=days_ago)
        )


def test_funnel_counts_each_person_once_going_back_and_forth(client, survey):
    """Invalid first try, next, back, next, send: started 1, each step reached/sent once."""
    first = client.get(survey.url)
    invalid = client.post(survey.url, {"state": state_of(first), "action": "next"})
    assert invalid.status_code == 200 and counts(survey) == {0: (1, 0)}
    step2 = client.post(survey.url, {"state": state_of(invalid), "action": "next", **valid_step1()})
    back = client.post(survey.url, {"state": state_of(step2), "action": "back"})
    again = client.post(survey.url, {"state": state_of(back), "action": "next", **valid_step1()})
    assert "Paso 2 de 2" in again.content.decode()
    assert counts(survey) == {0: (1, 1), 1: (1, 0)}
    done = client.post(survey.url, {"state": state_of(again), "action": "send", **valid_step2()})
    assert done.status_code == 302
    assert counts(survey) == {0: (1, 1), 1: (1, 1)}


def test_funnel_records_who_left_and_stores_no_identifier(client, survey, make_user):
    """A second visitor who stops after step 1: step 2 reached 2, completed 1."""
    from django.test import Client

    answer_survey(client, survey, valid_step1(), valid_step2())
    answer_survey(Client(), survey, valid_step1(), action="next")
    assert counts(survey) == {0: (2, 2), 1: (2, 1)}
    started, funnel = reports.step_funnel(survey)
    assert started == 2
    assert [(s.reached, s.completed, s.completed_percent) for s in funnel] == [
        (2, 2, 100.0),
        (2, 1, 50.0),
    ]
    fields = {f.name for f in SurveyStepCount._meta.get_fields()}
    assert fields == {"id", "survey", "step", "reached", "completed"}


def test_refused_posts_are_not_counted(client, make_survey):
    """A closed survey or a tampered POST counts nothing."""
    now = timezone.now()
    closed = make_survey(opens_at=now - timedelta(days=5), closes_at=now - timedelta(days=1))
    client.post(closed.url, {"state": "", **valid_step1()})
    open_survey = make_survey()
    client.post(open_survey.url, {"state": "", "q_q-other-survey": "x", **valid_step1()})
    assert not SurveyStepCount.objects.filter(survey__in=[closed, open_survey]).exists()


def test_registered_survey_sets_no_browser_cookie(client, make_survey, citizen):
    """Counting starts needs no cookie: a registered-only survey sets none."""
    from surveys.models import SurveyPage

    survey = make_survey(audience=SurveyPage.AUDIENCE_REGISTERED)
    client.force_login(citizen)
    response = client.post(survey.url, {"state": "", "action": "next", **valid_step1()})
    assert "Paso 2 de 2" in response.content.decode()
    assert "soacha_encuestas" not in response.cookies
    assert counts(survey) == {0: (1, 1), 1: (1, 0)}


def test_answers_over_time_are_zero_filled_over_the_period(survey):
    """Opened yesterday (fixture): one column a day up to today, days without answers at 0."""
    survey.opens_at = timezone.now() - timedelta(days=4)
    survey.save()
    add_responses(survey, {0: 2, 2: 3})
    buckets, size, peak = reports.answers_over_time(survey)
    assert size == 1 and peak == 3
    assert [b.count for b in buckets] == [0, 0, 3, 0, 2]
    assert buckets[-1].first == timezone.localdate()
    assert buckets[2].height == reports.CHART_HEIGHT and buckets[0].height == 0


def test_long_periods_are_grouped_in_at_most_92_columns(make_survey):
    """A survey open for 400 days: columns of several days, every answer counted."""
    now = timezone.now()
    survey = make_survey(opens_at=now - timedelta(days=399), closes_at=now + timedelta(days=30))
    add_responses(survey, {0: 1, 150: 2, 399: 4})
    buckets, size, _peak = reports.answers_over_time(survey)
    assert len(buckets) <= reports.MAX_BARS and size == 7
    assert sum(b.count for b in buckets) == 7
    assert buckets[0].count == 4 and buckets[-1].count == 1
    assert buckets[0].first == timezone.localdate() - timedelta(days=399)


def test_report_page_shows_chart_table_completion_and_steps(client, survey, editor):
    """Accessible SVG with title and description, the data table, rate and funnel."""
    add_responses(survey, {0: 3})
    SurveyStepCount.objects.bulk_create(
        [
            SurveyStepCount(survey=survey, step=0, reached=4, completed=3),
            SurveyStepCount(survey=survey, step=1, reached=3, completed=3),
        ]
    )
    client.force_login(editor)
    html = client.get(f"/admin/encuestas/{survey.pk}/").content.decode()
    assert "Respuestas en el tiempo" in html
    assert 'role="img" aria-labelledby="over-time-chart-title over-time-chart-desc"' in html
    assert "Gráfico de columnas: respuestas completas por día" in html
    assert "<td>3</td>" in html  # today's row of the data table
    assert "75,0 %" in html  # completion: 3 of 4
    assert "1. Su visita" in html and "2. Su opinión" in html


def test_report_without_starts_does_not_invent_a_rate(client, survey, editor):
    """Answers but no recorded starts (older data): no rate above 100 %."""
    add_responses(survey, {0: 2})
    SurveyStepCount.objects.create(survey=survey, step=0, reached=1, completed=1)
    client.force_login(editor)
    html = client.get(f"/admin/encuestas/{survey.pk}/").content.decode()
    assert "200,0 %" not in html
    assert "No disponible" in html


@pytest.mark.parametrize(
    ("groups", "allowed"),
    [
        (["Editores"], True),
        (["Control Interno"], True),
        (["Autores"], False),
        (["Moderadores"], False),
        ([], False),
    ],
)
def test_who_may_see_the_survey_report(client, survey, make_user, groups, allowed):
    """Editores and Control Interno see it; authors, moderators and citizens do not."""
    add_responses(survey, {0: 1})
    client.force_login(make_user("persona@r.example", groups=groups))
    response = client.get(f"/admin/encuestas/{survey.pk}/")
    if allowed:
        assert response.status_code == 200
        html = response.content.decode()
        assert survey.title in html
        # The raw answers' links only for who may export them (Editores).
        for fmt in ("csv", "json", "xlsx"):
            assert (f"respuestas/{fmt}/" in html) is (groups == ["Editores"])
    else:
        assert response.status_code == 302
        # Staff without the permission go to the dashboard, citizens to the login.
        expected = "/admin/" if groups else "/es/cuentas/login/?next=/admin/encuestas/"
        assert response["Location"].startswith(expected)
        assert survey.title not in response.content.decode()


def test_report_queries_do_not_grow_with_answers(
    client, survey, editor, django_assert_max_num_queries
):
    """10 answers or 3,000 answers over a week: the same number of queries."""
    add_responses(survey, {0: 4, 1: 6})
    SurveyStepCount.objects.create(survey=survey, step=0, reached=12, completed=11)
    client.force_login(editor)
    url = f"/admin/encuestas/{survey.pk}/"
    client.get(url)
    with django_assert_max_num_queries(32) as ten:
        assert client.get(url).status_code == 200
    add_responses(survey, dict.fromkeys(range(1, 7), 500))
    with django_assert_max_num_queries(len(ten.captured_queries)):
        html = client.get(url).content.decode()
    assert "<td>506</td>" in html
