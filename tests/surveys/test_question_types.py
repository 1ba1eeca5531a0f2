"""The question-type registry: every block of the survey StreamField has a registered
type, and each type round-trips an answer: form field -> stored rows -> tally/export."""

import pytest

from surveys import services
from surveys.forms import SurveyStepForm
from surveys.models import Answer, SurveyPage
from surveys.questions import QUESTION_TYPES, SECTION, QuestionType, register
from tests.surveys.conftest import option_items, question

pytestmark = pytest.mark.django_db

#: type -> (extra block value, posted data, stored rows, {result label: count}, exported
#: option cells). A new question type needs its row here (test_every_type_has_a_sample).
SAMPLES = {
    "single_choice": (
        {"options": option_items("s", ["Uno", "Dos"]), "allow_other": True},
        {"q_t-single_choice": "s-2"},
        [("t-single_choice", "s-2", None, "")],
        {"Uno": 0, "Dos": 1, "Otra": 0},
        ["Dos"],
    ),
    "multiple_choice": (
        {"options": option_items("m", ["Uno", "Dos"]), "allow_other": True, "max_choices": 2},
        {"q_t-multiple_choice": ["m-1", "other"], "q_t-multiple_choice_other": "Otra"},
        [("t-multiple_choice", "m-1", None, ""), ("t-multiple_choice", "other", None, "Otra")],
        {"Uno": 1, "Dos": 0, "Otra": 1},
        ["Uno", "Otra"],
    ),
    "scale": (
        {"scale": "0-10", "low_label": "", "high_label": ""},
        {"q_t-scale": "7"},
        [("t-scale", "", 7, "")],
        {str(n): int(n == 7) for n in range(11)},
        [""],
    ),
    "yes_no": (
        {},
        {"q_t-yes_no": "no"},
        [("t-yes_no", "no", None, "")],
        {"Sí": 0, "No": 1},
        ["No"],
    ),
    "short_text": (
        {},
        {"q_t-short_text": "Útil"},
        [("t-short_text", "", None, "Útil")],
        {},
        [""],
    ),
    "long_text": (
        {},
        {"q_t-long_text": "Más trámites\nen línea"},
        [("t-long_text", "", None, "Más trámites\nen línea")],
        {},
        [""],
    ),
    "ranking": (
        {"options": option_items("r", ["Salud", "Movilidad"])},
        {"q_t-ranking__r-1": "2", "q_t-ranking__r-2": "1"},
        [("t-ranking", "r-1", 2, ""), ("t-ranking", "r-2", 1, "")],
        {"Salud": 1, "Movilidad": 1},
        ["Salud", "Movilidad"],
    ),
}


def test_every_block_of_the_survey_stream_has_a_registered_type():
    children = SurveyPage._meta.get_field("questions").stream_block.child_blocks
    assert set(children) - {SECTION} == set(QUESTION_TYPES)
    for name, kind in QUESTION_TYPES.items():
        assert isinstance(kind, QuestionType)
        assert kind.name == name
        assert type(children[name]) is kind.block_class


def test_every_type_has_a_sample():
    assert set(SAMPLES) == set(QUESTION_TYPES), "add the new type's sample to SAMPLES"


def test_registering_a_name_twice_fails():
    with pytest.raises(ValueError, match="registered twice"):

        @register
        class Again(QuestionType):
            name = "scale"


@pytest.mark.parametrize("name", list(SAMPLES))
def test_type_round_trips_form_rows_tally_and_export(make_survey, name):
    extra, posted, stored, tally, exported = SAMPLES[name]
    survey = make_survey([question(name, f"t-{name}", f"Pregunta {name}", **extra)])
    [q] = survey.all_questions()
    assert q.kind is QUESTION_TYPES[name]

    form = SurveyStepForm([q], data=posted)
    assert form.is_valid(), form.errors
    rows = form.answer_rows()
    assert rows == stored

    services.store_response(survey, rows, None, "round-trip")
    answers = list(Answer.objects.filter(survey=survey).order_by("pk"))
    assert [(a.question_id, a.option_id, a.value, a.text) for a in answers] == stored
    for answer in answers:
        pending = q.kind.free_text or answer.option_id == "other"
        assert answer.approved is (None if pending else True)
    assert [q.kind.export_option(q, a.option_id) for a in answers] == exported

    total, [result] = services.survey_results(survey)
    assert total == 1
    assert result.respondents == 1
    assert {row["label"]: row["count"] for row in result.rows} == tally
    if q.kind.ranked:
        averages = {row["label"]: row["average"] for row in result.rows}
        assert averages == {"Salud": 2.0, "Movilidad": 1.0}
    if name == "scale":
        assert result.average == 7


def test_empty_answers_store_no_rows(make_survey):
    """An optional question left empty stores nothing, whatever its type."""
    survey = make_survey(
        [
            question(name, f"t-{name}", f"Pregunta {name}", required=False, **SAMPLES[name][0])
            for name in SAMPLES
        ]
    )
    form = SurveyStepForm(survey.all_questions(), data={})
    assert form.is_valid(), form.errors
    assert form.answer_rows() == []
