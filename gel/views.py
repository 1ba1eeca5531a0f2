"""The public page "Autoevaluación Gobierno en línea"."""

from django.shortcuts import render

from .assessment import evaluate, summarise
from .history import SHOWN, history_chart
from .models import Snapshot


def self_assessment(request):
    """Every criterion's status and evidence, percentages per phase and category beside
    the 2009 self-report, and the history of snapshots (bounded queries)."""
    summary = summarise(evaluate())
    snapshots = list(Snapshot.objects.order_by("-taken_at")[:SHOWN])
    return render(
        request,
        "gel/self_assessment.html",
        {"summary": summary, "history": history_chart(snapshots)},
    )
