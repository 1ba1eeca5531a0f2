"""Demo content for the GEL self-assessment: the committee's manual evaluations
(``data/demo_manual_evaluations.json``), a first snapshot, some progress of the
action plan (``data/demo_action_plan_progress.json``) and the published bimonthly
report of the last complete period (Artículo 8). Idempotent."""

import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from .criteria import DATA
from .models import Activity, ManualEvaluation, Snapshot

DEMO_FILE = DATA / "demo_manual_evaluations.json"
PROGRESS_FILE = DATA / "demo_action_plan_progress.json"
#: the demo user who records them (created by the loader as the admin account)
RECORDER = "admin@soacha.example"


def load(loader):
    with open(DEMO_FILE, encoding="utf-8") as handle:
        specs = json.load(handle)["evaluations"]
    recorder = get_user_model().objects.filter(email=RECORDER).first()
    created = 0
    for spec in specs:
        if ManualEvaluation.objects.filter(criterion_id=spec["criterion"]).exists():
            continue
        ManualEvaluation.objects.create(
            criterion_id=spec["criterion"],
            status=spec["status"],
            evidence_url=spec["url"],
            evidence_text=spec["text"],
            reviewed_on=timezone.localdate() - timedelta(days=spec["days_ago"]),
            recorded_by=recorder,
        )
        created += 1
    loader.log(f"GEL: {created} manual evaluations")
    loader.log(f"GEL: progress of {record_progress(recorder)} plan activities")
    return created


def record_progress(recorder):
    """The committee's progress on some activities of the plan (loaded by gel's data
    migration); an activity already updated is left as it is."""
    with open(PROGRESS_FILE, encoding="utf-8") as handle:
        specs = json.load(handle)["progress"]
    today = timezone.localdate()
    recorded = 0
    for spec in specs:
        recorded += Activity.objects.filter(
            action__sort_order=spec["action"],
            sort_order=spec["activity"],
            updated_by__isnull=True,
            progress=0,
        ).update(
            progress=spec["progress"],
            due_date=today + timedelta(days=spec["due_in_days"]),
            evidence_text=spec["text"],
            updated_by=recorder,
            updated_at=timezone.now(),
        )
    return recorded


def finish(loader):
    """A first snapshot, once every app's content is in."""
    from .assessment import take_snapshot

    if not Snapshot.objects.exists():
        take_snapshot()
    report = publish_report()
    loader.log(f"GEL: bimonthly report {report.period.label}")


def publish_report(today=None):
    """The report of the last complete period before ``today``, published (as an
    editor approving it would) with its English translation; left as it is when it
    was published before."""
    from .periods import Period
    from .reports import find_report, is_frozen, prepare_report

    period = Period.last_complete(today)
    page = find_report(period)
    if page is not None and is_frozen(page):
        return page
    page, _status = prepare_report(period, today=today)
    page.get_latest_revision().publish()
    return page
