"""The survey's StreamField is parsed once per request (surveys.questions.parse_steps),
however many times the views, the forms and the services ask for its steps."""

import json
from unittest import mock

import pytest

from surveys.models import Response
from surveys.questions import parse_steps
from tests.surveys.conftest import one_step_definition, valid_step1, valid_step2
from tests.surveys.helpers import state_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def spy():
    with mock.patch("surveys.models.pages.parse_steps", wraps=parse_steps) as spy:
        yield spy


def test_each_request_of_a_multi_step_answer_parses_once(client, survey, spy):
    calls = []
    response = client.get(survey.url)
    calls.append(spy.call_count)
    for data, action in ((valid_step1(), "next"), (valid_step2(), "send")):
        spy.reset_mock()
        response = client.post(survey.url, {"state": state_of(response), "action": action, **data})
        calls.append(spy.call_count)
    assert response.status_code == 302, "the answer was stored"
    assert Response.objects.filter(survey=survey).count() == 1
    assert calls == [1, 1, 1]


def test_an_invalid_step_and_the_results_parse_once(client, survey, spy):
    response = client.get(survey.url)
    spy.reset_mock()
    client.post(survey.url, {"state": state_of(response), "action": "next"})
    assert spy.call_count == 1
    spy.reset_mock()
    assert client.get(survey.url + "resultados/").status_code == 200
    assert spy.call_count == 1


def test_a_new_questions_value_is_parsed_again(survey):
    assert len(survey.steps()) == 2
    assert survey.steps() is survey.steps()
    survey.questions = json.dumps(one_step_definition())
    assert len(survey.steps()) == 1
    assert [q.id for q in survey.all_questions()] == ["q-multi", "q-scale"]
