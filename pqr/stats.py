"""Quarterly PQRSD figures (transparency 4.10), aggregated in two database queries."""

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
