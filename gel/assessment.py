"""The self-assessment: every criterion evaluated, automatically or from the latest
current manual evaluation, summed per phase and category beside the 2009 self-report."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .checks import CHECKS, Evidence, SiteContext
from .checks.base import MET, NOT_EVALUATED, NOT_MET, PARTLY, STATUS_LABELS
from .criteria import all_criteria, phases
from .manual import MANUAL
from .models import ManualEvaluation

STATUSES = (MET, PARTLY, NOT_MET, NOT_EVALUATED)
MET_2009 = "SI"


@dataclass
class Evaluation:
    criterion: object
    status: str
    evidence: list = field(default_factory=list)
    note: str = ""
    check_name: str = ""  # the automatic check's function, or "" when manual
    manual_reason: str = ""
    reviewed_on: object = None

    @property
    def is_manual(self):
        return not self.check_name

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def met_2009(self):
        return self.criterion.status_2009 == MET_2009


@dataclass
class Tally:
    """Counts of one group of criteria (a phase, a category, or all)."""

    key: str
    name: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    met_2009: int = 0
    total: int = 0

    def add(self, evaluation):
        self.counts[evaluation.status] += 1
        self.met_2009 += evaluation.met_2009
        self.total += 1

    @property
    def met(self):
        return self.counts[MET]

    @property
    def percent(self):
        return round(100 * self.met / self.total) if self.total else 0

    @property
    def percent_2009(self):
        return round(100 * self.met_2009 / self.total) if self.total else 0


def _manual(criterion, evaluation):
    reason = str(MANUAL[criterion.id])
    if evaluation is None:
        return Evaluation(criterion, NOT_EVALUATED, manual_reason=reason)
    evidence = []
    if evaluation.evidence_document_id:
        document = evaluation.evidence_document
        evidence.append(Evidence(document.title, document.url))
    if evaluation.evidence_url:
        evidence.append(Evidence(evaluation.evidence_url, evaluation.evidence_url))
    return Evaluation(
        criterion,
        evaluation.status,
        evidence,
        note=evaluation.evidence_text,
        manual_reason=reason,
        reviewed_on=evaluation.reviewed_on,
    )


def evaluate(site=None, today=None, request=None, context=None):
    """One ``Evaluation`` per criterion, in the decree's order (bounded queries: the
    checks share the facts of one ``SiteContext``, manual evaluations are read in one;
    with ``request``, the site, its settings and view restrictions are the request's)."""
    context = context or SiteContext(site, request=request)
    manual = (
        ManualEvaluation.objects.select_related("evidence_document")
        .filter(criterion_id__in=list(MANUAL))
        .latest_by_criterion(today)
    )
    results = []
    for criterion in all_criteria():
        check = CHECKS.get(criterion.id)
        if check is None:
            results.append(_manual(criterion, manual.get(criterion.id)))
            continue
        result = check(context)
        results.append(
            Evaluation(criterion, result.status, result.evidence, result.note, check.name)
        )
    return results


@dataclass
class Summary:
    evaluations: list
    total: Tally
    phases: list  # [(Tally of the phase, [Tally of each category], [evaluations])]


def summarise(evaluations):
    total = Tally("all", _("All phases"))
    by_phase = {}
    for phase in phases():
        by_phase[phase["key"]] = (Tally(phase["key"], phase["name"]), {}, [])
    for evaluation in evaluations:
        criterion = evaluation.criterion
        phase_tally, categories, items = by_phase[criterion.phase]
        category = categories.setdefault(
            criterion.category, Tally(criterion.category, criterion.category)
        )
        for tally in (total, phase_tally, category):
            tally.add(evaluation)
        items.append(evaluation)
    return Summary(
        evaluations,
        total,
        [
            (tally, list(categories.values()), items)
            for tally, categories, items in by_phase.values()
        ],
    )


def snapshot_results(evaluations):
    """The JSON a ``Snapshot`` stores."""
    summary = summarise(evaluations)
    return {
        "criteria": {e.criterion.id: e.status for e in evaluations},
        "phases": {tally.key: dict(tally.counts) for tally, _categories, _items in summary.phases},
    }


def take_snapshot(user=None, site=None):
    from .models import Snapshot

    evaluations = evaluate(site)
    met = sum(1 for e in evaluations if e.status == MET)
    return Snapshot.objects.create(
        taken_by=user, results=snapshot_results(evaluations), met=met, total=len(evaluations)
    )
