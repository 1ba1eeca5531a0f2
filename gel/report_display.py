"""What a bimonthly report's template shows, read from its frozen figures in the
reader's language (labels are translated when shown; the figures hold keys)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import PHASE_CHOICES

PHASE_NAMES = dict(PHASE_CHOICES)

PQRSD_ROWS = [
    ("filed", _("Filed in the period")),
    ("answered", _("Answered in the period")),
    ("answered_in_term", _("Answered in term")),
    ("answered_late", _("Answered late")),
    ("open_overdue", _("Open past their deadline at the end of the period")),
    ("overdue", _("Overdue (open past their deadline or answered late)")),
]

PROCESS_NAMES = {
    "surveys": _("Surveys"),
    "debates": _("Debates"),
    "consultations": _("Consultations"),
}

CONTRIBUTION_NAMES = {
    "survey_responses": _("Survey responses"),
    "comments": _("Comments"),
    "supports": _("Support or opposition to sections"),
    "reactions": _("Reactions to comments"),
}


def report_context(page):
    """The context of ``page`` (a BimonthlyReportPage) for its HTML page and its PDF."""
    figures = page.figures or {}
    language = translation.get_language() or "es"
    criteria = figures.get("criteria", {})
    pqrsd = figures.get("pqrsd") or {}
    participation = figures.get("participation", {})
    return {
        "report": page,
        "figures": figures,
        "phases": [
            {**row, "label": PHASE_NAMES.get(row["key"], row.get("name", row["key"]))}
            for row in criteria.get("phases", [])
        ],
        "criteria_total": criteria.get("total", {}),
        "plan": figures.get("plan", {}),
        "pqrsd": pqrsd,
        "pqrsd_rows": [(key, label, pqrsd.get(key, 0)) for key, label in PQRSD_ROWS],
        "pqrsd_types": [
            {**row, "label": row["labels"].get(language[:2]) or row["type"]}
            for row in pqrsd.get("by_type", [])
        ],
        "processes": [
            (PROCESS_NAMES[key], counts)
            for key, counts in participation.get("processes", {}).items()
            if key in PROCESS_NAMES
        ],
        "contributions": [
            (CONTRIBUTION_NAMES[key], count)
            for key, count in participation.get("contributions", {}).items()
            if key in CONTRIBUTION_NAMES
        ],
        "participation": participation,
        "usage": figures.get("usage", {}),
    }
