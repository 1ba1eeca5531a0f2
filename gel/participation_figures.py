"""Participation in a period for the bimonthly report: surveys, debates and
consultations opened and closed, and the people who took part. gel sits beside surveys
and participation (import-linter), so their models are read by label; a missing app
counts as nothing. A fixed number of queries (one per model)."""

import datetime

from django.apps import apps
from django.db.models import Count, Q
from django.utils import timezone

#: the processes counted, by the key the report uses
PROCESSES = {
    "surveys": "surveys.SurveyPage",
    "debates": "participation.DebatePage",
    "consultations": "participation.ConsultationPage",
}

#: who took part: (model label, date field); the user field is ``user``
CONTRIBUTIONS = {
    "survey_responses": ("surveys.Response", "submitted_at"),
    "comments": ("participation.Comment", "submit_date"),
    "supports": ("participation.SectionPosition", "updated_at"),
    "reactions": ("participation.Reaction", "created_at"),
}


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _bounds(period):
    def start_of(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

    return start_of(period.start), start_of(period.end + datetime.timedelta(days=1))


def participation_figures(period):
    """``{"processes": {key: {"opened", "closed"}}, "contributions": {key: count},
    "anonymous", "participants"}``: processes are the live pages of the
    Spanish tree (a translation is the same process); participants are the distinct
    signed-in people who answered a survey, commented, supported or opposed a section
    or reacted to a comment in the period."""
    after, before = _bounds(period)
    processes = {}
    for key, label in PROCESSES.items():
        model = _model(label)
        if model is None:
            processes[key] = {"opened": 0, "closed": 0}
            continue
        processes[key] = (
            model.objects.live()
            .filter(locale__language_code="es")
            .aggregate(
                opened=Count("pk", filter=Q(opens_at__gte=after, opens_at__lt=before)),
                closed=Count("pk", filter=Q(closes_at__gte=after, closes_at__lt=before)),
            )
        )
    people = set()
    contributions = {}
    anonymous = 0
    for key, (label, field) in CONTRIBUTIONS.items():
        model = _model(label)
        contributions[key] = 0
        if model is None:
            continue
        rows = model.objects.filter(**{f"{field}__gte": after, f"{field}__lt": before}).values_list(
            "user_id", flat=True
        )
        users = list(rows)
        contributions[key] = len(users)
        anonymous += sum(1 for user in users if user is None)
        people.update(user for user in users if user is not None)
    return {
        "processes": processes,
        "contributions": contributions,
        "anonymous": anonymous,
        "participants": len(people),
    }
