"""Counting how far people get through a survey (see surveys/models/funnel.py).

The signed step state (surveys/views/survey.py) carries what this person's run has
already counted: ``started`` and ``done`` (how many steps were counted completed)."""

from django.db import IntegrityError, transaction
from django.db.models import F

from surveys.models import SurveyStepCount


def bump(survey, step, counter):
    """Add one to ``counter`` ("reached" or "completed") of a step, atomically, on the
    survey's original (as its answers, whichever translation was used)."""
    rows = SurveyStepCount.objects.filter(survey_id=survey.original_id, step=step)
    if rows.update(**{counter: F(counter) + 1}):
        return
    try:
        with transaction.atomic():
            SurveyStepCount.objects.create(survey_id=survey.original_id, step=step, **{counter: 1})
    except IntegrityError:
        # Another request created the row first: increment it instead.
        rows.update(**{counter: F(counter) + 1})


def count_start(survey, state):
    """The first step was sent (valid or not) for the first time in this run."""
    if not state.get("started"):
        bump(survey, 0, "reached")
        state["started"] = True


def count_step_completed(survey, state, index, step_count):
    """Step ``index`` was sent valid; the next step (if any) is reached."""
    if index < state.get("done", 0):
        return
    bump(survey, index, "completed")
    if index + 1 < step_count:
        bump(survey, index + 1, "reached")
    state["done"] = index + 1
