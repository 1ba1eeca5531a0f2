"""The bimonthly report of Decreto 387 de 2009, Artículo 8: its two-month periods
(January–February … November–December) and the figures frozen into each report.

``compute_figures(period, previous)`` returns plain JSON (numbers, keys and strings):
the criteria per phase and their change since the previous report, the action plan's
progress, the PQRSD figures (published by pqr as the fact ``pqr.period_figures``: gel
never imports pqr), participation (read by model label) and the portal's use
(``usage.stats``). Every part runs a fixed number of queries."""

import datetime

from django.utils import timezone

from cms.assessment_facts import fact
from usage import stats as usage_stats

from .action_plan import plan_progress
from .assessment import STATUSES, evaluate, summarise
from .participation_figures import participation_figures
from .periods import Period

__all__ = ["Period", "compute_figures"]


def criteria_figures(previous=None):
    """Per phase the count of each status, and the change of criteria met since the
    ``previous`` report's figures (None when there is none)."""
    summary = summarise(evaluate())
    earlier = {row["key"]: row["met"] for row in (previous or {}).get("phases", [])}
    phases = []
    for tally, _categories, _items in summary.phases:
        phases.append(
            {
                "key": tally.key,
                "name": tally.name,
                "total": tally.total,
                **{status: tally.counts[status] for status in STATUSES},
                "met": tally.met,
                "percent": tally.percent,
                "change": tally.met - earlier[tally.key] if tally.key in earlier else None,
            }
        )
    total = summary.total
    earlier_met = (previous or {}).get("total", {}).get("met")
    return {
        "phases": phases,
        "total": {
            "total": total.total,
            **{status: total.counts[status] for status in STATUSES},
            "met": total.met,
            "percent": total.percent,
            "change": total.met - earlier_met if earlier_met is not None else None,
        },
    }


def plan_figures(period, today=None):
    """The action plan at the period's end: per action its mean progress and overdue
    activities, and "metas cumplidas / metas trazadas"."""
    today = today or timezone.localdate()
    progress = plan_progress(min(today, period.end + datetime.timedelta(days=1)))
    return {
        "actions": [
            {
                "number": item.action.sort_order,
                "name": item.action.name,
                "phase": item.action.phase,
                "percent": item.percent,
                "activities": len(item.activities),
                "overdue": [activity.description for activity in item.overdue],
            }
            for item in progress.actions
        ],
        "done": progress.done,
        "total": progress.total,
        "percent": progress.percent,
        "overdue": progress.overdue,
    }


def usage_figures(period):
    """Page views counted in the period, the days they were counted on and the pages viewed."""
    per_day = usage_stats.views_per_day(period.start, period.end)
    return {
        "views": sum(views for _day, views in per_day),
        "days_counted": sum(1 for _day, views in per_day if views),
        "days": len(per_day),
        "pages_viewed": len(usage_stats.views_per_page(period.start, period.end)),
    }


def compute_figures(period, previous=None, today=None):
    """The report's figures for ``period`` as plain JSON; ``previous`` is the frozen
    figures of the previous period's report (for the change in criteria met)."""
    return {
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "criteria": criteria_figures((previous or {}).get("criteria")),
        "plan": plan_figures(period, today),
        "pqrsd": fact("pqr.period_figures", period.start, period.end),
        "participation": participation_figures(period),
        "usage": usage_figures(period),
    }
