"""One answer per person under concurrency: PostgreSQL and a file SQLite database."""

import os
import subprocess
import sys

import pytest

from surveys.models import Answer, Response, SurveyPage, SurveyStepCount
from surveys.services import survey_results
from tests.cms.test_settings import ROOT

from .concurrency import hammer, sessions_for
from .conftest import one_step_definition


def registered_survey(make_survey):
    return make_survey(questions=one_step_definition(), audience=SurveyPage.AUDIENCE_REGISTERED)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_500_concurrent_submissions_store_exactly_50(make_survey, make_user):
    """50 users × 10 parallel submissions: 50 responses, tallies match, no 5xx."""
    survey = registered_survey(make_survey)
    users = [make_user(f"c{n}@concurrencia.example") for n in range(50)]
    results = hammer(survey.url, sessions_for(users), per_user=10, workers=25)
    statuses = [status for status, _body in results]
    assert not [r for r in results if r[0] >= 500], results[:3]
    assert statuses.count(302) == 50
    assert Response.objects.filter(survey=survey).count() == 50
    assert Response.objects.filter(survey=survey).values("user").distinct().count() == 50
    _total, question_results = survey_results(survey)
    multi = question_results[0]
    for row, option_id in zip(multi.rows, ["m-1", "m-2", "m-3", "m-4", "m-5"], strict=True):
        stored = Answer.objects.filter(survey=survey, question_id="q-multi", option_id=option_id)
        assert row["count"] == stored.count()
    assert multi.rows[0]["count"] == 50 and multi.respondents == 50
    assert question_results[1].average == 7
    # The funnel counters lose no increment: one completion per stored answer.
    step = SurveyStepCount.objects.get(survey=survey, step=0)
    assert step.completed == 50 and 50 <= step.reached <= 500


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_submissions_by_one_user_never_exceed_the_maximum(make_survey, make_user):
    """20 parallel posts by one user, some with 4-5 choices: one response, ≤ 3 choices."""
    survey = registered_survey(make_survey)
    session = sessions_for([make_user("maximo@concurrencia.example")])

    def data_for(i):
        choices = ["m-1", "m-2", "m-3", "m-4", "m-5"][: 2 + i % 4]
        return {"q_q-multi": choices, "q_q-scale": "5", "action": "send"}

    results = hammer(survey.url, session, per_user=20, workers=20, data_for=data_for)
    assert all(status < 500 for status, _body in results)
    assert Response.objects.filter(survey=survey).count() == 1
    assert Answer.objects.filter(survey=survey, question_id="q-multi").count() <= 3
    assert SurveyStepCount.objects.get(survey=survey, step=0).completed == 1


SQLITE_CODE = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
import json
from django.contrib.auth import get_user_model
from wagtail.models import Site
from surveys.models import Answer, Response, SurveyPage, SurveyStepCount
from tests.surveys.concurrency import hammer, sessions_for
from tests.surveys.conftest import one_step_definition
home = Site.objects.get(is_default_site=True).root_page
survey = SurveyPage(title="Concurrencia", slug="concurrencia", audience="registered",
                    questions=json.dumps(one_step_definition()))
home.add_child(instance=survey)
survey.save_revision().publish()
User = get_user_model()
users = [User.objects.create_user(username=f"u{n}", email=f"u{n}@x.example", password="x")
         for n in range(50)]
results = hammer(survey.url, sessions_for(users), per_user=10, workers=16)
bodies = b" ".join(body for status, body in results)
print(sum(status >= 500 for status, _b in results), Response.objects.count(),
      Answer.objects.filter(question_id="q-multi").count(), b"database is locked" in bodies,
      SurveyStepCount.objects.get(survey=survey, step=0).completed)
print([body[:300] for status, body in results if status >= 500][:2])
"""


def test_sqlite_file_database_concurrent_submissions_do_not_lock(sqlite_file):
    """The same 500 submissions on a file SQLite: no "database is locked", 50 answers."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{sqlite_file}",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SQLITE_CODE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.splitlines()[0] == "0 50 150 False 50", result.stdout
