"""Tampered POSTs are refused with a clear error and nothing is stored."""

from django.core import signing

import pytest

from surveys.models import Answer, Response

from .conftest import question, valid_step1, valid_step2
from .helpers import answer_survey, state_of

pytestmark = pytest.mark.django_db


def assert_nothing_stored(survey):
    assert not Response.objects.filter(survey=survey).exists()
    assert not Answer.objects.filter(survey=survey).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("q_q-single", "s-999", "Escoja una opción válida"),
        ("q_q-multi", ["m-1", "m-404"], "Escoja una opción válida"),
        ("q_q-scale", "9", "Escoja una opción válida"),
        ("q_q-scale", "-1", "Escoja una opción válida"),
        ("q_q-multi", ["m-1", "m-2", "m-3", "m-4"], "Escoja como máximo 3 opciones."),
    ],
)
def test_invalid_values_are_refused(client, survey, field, value, message):
    """Unknown option ids, out-of-range values and too many choices: error, nothing saved."""
    data = {**valid_step1(), field: value}
    response = answer_survey(client, survey, data, action="next")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Paso 1 de 2" in response.content.decode()
    assert_nothing_stored(survey)


def test_answers_to_another_surveys_questions_are_refused(client, survey, make_survey):
    """Fields naming questions of another survey make the whole POST fail."""
    other = make_survey(questions=[question("scale", "z-scale", "¿Otra?", scale="1-5")])
    other_field = f"q_{other.all_questions()[0].id}"
    response = answer_survey(client, survey, {**valid_step1(), other_field: "3"})
    assert response.status_code == 400
    assert "no pertenecen a esta encuesta" in response.content.decode()
    assert_nothing_stored(survey)


def test_answers_for_a_later_step_sent_early_are_refused(client, survey):
    """Step 2 questions posted on step 1 are not silently accepted."""
    response = answer_survey(client, survey, {**valid_step1(), **valid_step2()})
    assert response.status_code == 400
    assert_nothing_stored(survey)


def test_forged_step_state_is_refused(client, survey):
    """A state not signed by the server (or for another survey) restarts the survey."""
    forged = signing.dumps({"step": 1, "data": {"q_q-single": ["s-404"]}}, salt="other")
    response = client.post(survey.url, {"state": forged, **valid_step2(), "action": "send"})
    assert response.status_code == 400
    assert "caducó o fue alterado" in response.content.decode()
    assert_nothing_stored(survey)


def test_state_from_another_survey_is_refused(client, survey, make_survey):
    """A valid state of survey A cannot be replayed on survey B."""
    other = make_survey()
    page = client.get(survey.url)
    response = client.post(other.url, {"state": state_of(page), **valid_step1(), "action": "next"})
    assert response.status_code == 400
    assert_nothing_stored(survey)


def test_invalid_ranking_is_refused(client, survey):
    """Two options with the same position are refused."""
    step2 = {**valid_step2(), "q_q-rank__r-1": "1"}
    response = answer_survey(client, survey, valid_step1(), step2)
    assert "Dé a cada opción una posición distinta" in response.content.decode()
    assert_nothing_stored(survey)


def test_other_answer_needs_its_text(client, survey):
    """Choosing "Otra" without saying which is an error; with text it is stored."""
    response = answer_survey(client, survey, {**valid_step1(), "q_q-single": "other"})
    assert "Cuéntenos su otra respuesta." in response.content.decode()
    data = {**valid_step1(), "q_q-single": "other", "q_q-single_other": "Un volante"}
    assert answer_survey(client, survey, data, valid_step2()).status_code == 302
    other = Answer.objects.get(survey=survey, question_id="q-single")
    assert other.option_id == "other" and other.text == "Un volante" and other.approved is None
