"""Quarterly PQRSD figures (transparency 4.10), aggregated in two database queries."""

import datetime

from django.db.models import Avg, Count, F, Q
from django.db.models.functions import ExtractQuarter

from .models import Case, Status


def quarterly_stats(year):
    """One row per quarter: received (total and by type), answered on time and late,
    transferred, and the average response time in business days."""
    cases = Case.objects.filter(year=year).annotate(quarter=ExtractQuarter("received_at"))
    totals = {
        row["quarter"]: row
        for row in cases.values("quarter").annotate(
            received=Count("pk"),
            on_time=Count(
                "pk", filter=Q(status=Status.ANSWERED, answered_at__date__lte=F("due_date"))
            ),
            late=Count("pk", filter=Q(status=Status.ANSWERED, answered_at__date__gt=F("due_date"))),
            transferred=Count("pk", filter=Q(status=Status.TRANSFERRED)),
            avg_days=Avg("response_days"),
        )
    }
    by_type = {}
    for row in cases.values("quarter", "petition_type").annotate(total=Count("pk")):
        by_type.setdefault(row["quarter"], {})[row["petition_type"]] = row["total"]
    rows = []
    for quarter in range(1, 5):
        row = totals.get(quarter, {})
        avg = row.get("avg_days")
        rows.append(
            {
                "quarter": quarter,
                "received": row.get("received", 0),
                "by_type": by_type.get(quarter, {}),
                "on_time": row.get("on_time", 0),
                "late": row.get("late", 0),
                "transferred": row.get("transferred", 0),
                "avg_days": round(avg, 1) if avg is not None else None,
            }
        )
    return rows


def period_figures(start, end):
    """The PQRSD figures of the days ``start`` to ``end`` (inclusive, local dates) for
    the GEL bimonthly report (Decreto 387, Artículo 8), in two queries:

    - ``filed``: received in the period;
    - ``answered``: answered in the period (whenever filed), ``answered_in_term`` by their
      due date and ``answered_late`` after it (the definitions of ``quarterly_stats``);
    - ``open_overdue``: filed by the period's end, still open at its end (not answered,
      transferred nor otherwise closed by then) and past their due date on that day;
    - ``overdue``: ``open_overdue`` plus ``answered_late``;
    - ``by_type``: the same per petition type (``type``, ``labels`` per language)."""
    from django.conf import settings
    from django.utils import translation

    from .models import PetitionType

    after = _day_start(start)
    before = _day_start(end + datetime.timedelta(days=1))
    filed = Q(received_at__gte=after, received_at__lt=before)
    answered = Q(status=Status.ANSWERED, answered_at__gte=after, answered_at__lt=before)
    in_term = answered & Q(answered_at__date__lte=F("due_date"))
    late = answered & Q(answered_at__date__gt=F("due_date"))
    open_overdue = (
        Q(received_at__lt=before, due_date__lt=end)
        & (Q(closed_at__isnull=True) | Q(closed_at__gte=before))
        & ~Q(status=Status.INCOMPLETE, closed_at__isnull=True)
    )
    counts = {
        "filed": Count("pk", filter=filed),
        "answered": Count("pk", filter=answered),
        "answered_in_term": Count("pk", filter=in_term),
        "answered_late": Count("pk", filter=late),
        "open_overdue": Count("pk", filter=open_overdue),
    }
    relevant = Case.objects.filter(filed | answered | open_overdue)
    totals = _with_overdue(relevant.aggregate(**counts))
    rows = {
        row["petition_type"]: row
        for row in relevant.values("petition_type").annotate(**counts).order_by()
    }
    by_type = []
    for petition_type in PetitionType:
        if petition_type.value not in rows:
            continue
        labels = {}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                labels[language] = str(petition_type.label)
        row = {key: rows[petition_type.value][key] for key in counts}
        by_type.append({"type": petition_type.value, "labels": labels, **_with_overdue(row)})
    return {**totals, "by_type": by_type}


def _day_start(day):
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _with_overdue(counts):
    counts = {key: value or 0 for key, value in counts.items()}
    return {**counts, "overdue": counts["open_overdue"] + counts["answered_late"]}
