"""Survey question types (a registry, one class per type) and the survey definition
read from the StreamField. See base.py for the QuestionType interface and types.py for
the types; importing this package registers them all."""

from surveys.questions import types  # noqa: F401 - registers the question types
from surveys.questions.base import (
    NO,
    OTHER_OPTION,
    QUESTION_TYPES,
    YES,
    Question,
    QuestionType,
    Tallies,
    other_name,
    question_type,
    rank_name,
    register,
)
from surveys.questions.definition import SECTION, Step, SurveyStreamBlock, parse_steps

__all__ = [
    "NO",
    "OTHER_OPTION",
    "QUESTION_TYPES",
    "SECTION",
    "YES",
    "Question",
    "QuestionType",
    "Step",
    "SurveyStreamBlock",
    "Tallies",
    "other_name",
    "parse_steps",
    "question_type",
    "rank_name",
    "register",
]
