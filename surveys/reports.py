"""The per-survey report for staff: answers over time, completion rate and the step
funnel. Two aggregate queries whatever the number of answers."""

import math
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.charts import Frame, columns
from surveys.models import Response, SurveyStepCount

#: the chart never has more bars than this: longer periods are grouped in weeks or more
MAX_BARS = 92
CHART_WIDTH = 640
CHART_HEIGHT = 160
CHART_TOP = 10
#: the "answers over time" columns, with 24 below them for the dates
CHART = Frame(width=CHART_WIDTH, height=CHART_TOP + CHART_HEIGHT + 24, top=CHART_TOP, bottom=24)


@dataclass
class Bucket:
    """The answers of one day (or of consecutive days, for long periods)."""

    first: object
    last: object
    count: int = 0
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0

    @property
    def one_day(self):
        return self.first == self.last


@dataclass
class FunnelStep:
    number: int
    title: str
    reached: int
    completed: int
    reached_percent: float | None
    completed_percent: float | None


def _percent(part, whole):
    return round(100 * part / whole, 1) if whole else None


def _local_day(moment):
    return timezone.localtime(moment).date()


def _period(survey, per_day):
    """First and last day of the chart: the survey's period up to today, widened to
    include any answer outside it."""
    today = timezone.localdate()
    first = _local_day(survey.opens_at) if survey.opens_at else None
    last = today
    if survey.closes_at:
        last = min(last, _local_day(survey.closes_at - timedelta(microseconds=1)))
    if per_day:
        first = min(first or per_day[0][0], per_day[0][0])
        last = max(last, per_day[-1][0])
    if first is None or last < first:
        return None
    return first, last


def answers_over_time(survey):
    """(buckets, days per bucket, peak): zero-filled, at most MAX_BARS buckets."""
    per_day = [
        (row["day"], row["n"])
        for row in Response.objects.filter(survey_id__in=survey.translation_ids())
        .annotate(day=TruncDate("submitted_at"))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
    ]
    period = _period(survey, per_day)
    if period is None:
        return [], 1, 0
    first, last = period
    days = (last - first).days + 1
    size = 1 if days <= MAX_BARS else max(7, math.ceil(days / MAX_BARS))
    buckets = []
    day = first
    while day <= last:
        buckets.append(Bucket(first=day, last=min(day + timedelta(days=size - 1), last)))
        day += timedelta(days=size)
    for answered_on, n in per_day:
        buckets[(answered_on - first).days // size].count += n
    peak = max(bucket.count for bucket in buckets)
    for bucket, column in zip(buckets, columns([b.count for b in buckets], CHART), strict=True):
        bucket.x, bucket.y, bucket.width, bucket.height = (
            column.x,
            column.y,
            column.width,
            column.height,
        )
    return buckets, size, peak


def step_funnel(survey):
    """One row per step: how many reached it and how many sent it valid (in any of the
    survey's translations)."""
    counts = {
        row["step"]: row
        for row in SurveyStepCount.objects.filter(survey_id__in=survey.translation_ids())
        .values("step")
        .annotate(reached=Sum("reached"), completed=Sum("completed"))
        .order_by("step")
    }
    steps = survey.steps()
    started = counts[0]["reached"] if 0 in counts else 0
    rows = []
    for index, step in enumerate(steps):
        row = counts.get(index, {})
        reached = row.get("reached", 0)
        completed = row.get("completed", 0)
        rows.append(
            FunnelStep(
                number=index + 1,
                title=step.title or _("Step %(n)d") % {"n": index + 1},
                reached=reached,
                completed=completed,
                reached_percent=_percent(reached, started),
                completed_percent=_percent(completed, reached),
            )
        )
    return started, rows


def survey_report(survey):
    """Everything the report template shows."""
    buckets, size, peak = answers_over_time(survey)
    finished = sum(bucket.count for bucket in buckets)
    started, funnel = step_funnel(survey)
    return {
        "buckets": buckets,
        "bucket_days": size,
        "peak": peak,
        "finished": finished,
        "started": started,
        # Answers stored before step counting began would give more than 100 %.
        "completion": _percent(finished, started) if started >= finished else None,
        "funnel": funnel,
        "chart": {
            "width": CHART.width,
            "height": CHART.height,
            "baseline": CHART.baseline,
            "label_y": CHART.baseline + 18,
        },
    }
