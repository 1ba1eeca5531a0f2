"""The public pages "Autoevaluación Gobierno en línea" and "Plan de acción de Gobierno en
línea"."""

from django.shortcuts import render

from . import evidence
from .action_plan import plan_progress
from .assessment import evaluate, summarise
from .checks.base import SiteContext
from .history import SHOWN, history_chart
from .models import Snapshot


def self_assessment(request):
    """Every criterion's status and evidence, percentages per phase and category beside
    the 2009 self-report, and the history of snapshots (bounded queries)."""
    context = SiteContext(request=request)
    evaluations = evaluate(context=context)
    summary = summarise(evidence.localize(evaluations, request, context=context))
    snapshots = list(Snapshot.objects.order_by("-taken_at")[:SHOWN])
    return render(
        request,
        "gel/self_assessment.html",
        {"summary": summary, "history": history_chart(snapshots)},
    )


def action_plan(request):
    """The 22 actions of the plan (Artículo 6) with their activities and progress, and
    the indicator "Metas cumplidas / metas trazadas" (two queries, whatever the plan)."""
    return render(request, "gel/action_plan.html", {"progress": plan_progress()})
