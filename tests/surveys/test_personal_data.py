"""surveys' personal-data handler: which surveys and when, never the answers; erasing
detaches the responses and poll votes, which stay in the results."""

import json

import pytest

from surveys.models import Answer, PollVote, Response
from surveys.personal_data import erase_surveys, export_surveys

pytestmark = pytest.mark.django_db


def test_export_names_the_survey_but_never_the_answers(make_user, survey):
    citizen = make_user("encuestada@test.example")
    response = Response.objects.create(survey=survey, user=citizen)
    Answer.objects.create(response=response, survey=survey, question_id="q", text="Texto 4412")
    Response.objects.create(survey=survey, browser_token="otro-navegador")
    tables = export_surveys(citizen)
    assert [row["survey"] for row in tables["survey_participations"]] == [survey.title]
    assert "4412" not in json.dumps(tables)


def test_erase_detaches_responses_and_votes(make_user, survey):
    citizen = make_user("encuestada@test.example")
    response = Response.objects.create(survey=survey, user=citizen)
    vote = PollVote.objects.create(page=survey, block_id="b", option_id="o", user=citizen)
    erase_surveys(citizen)
    response.refresh_from_db()
    vote.refresh_from_db()
    assert response.user_id is None and vote.user_id is None
    assert Response.objects.filter(pk=response.pk).exists()
