"""Demo content for the GEL self-assessment: the committee's manual evaluations
(``data/demo_manual_evaluations.json``) and a first snapshot. Idempotent."""

import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from .criteria import DATA
from .models import ManualEvaluation, Snapshot

DEMO_FILE = DATA / "demo_manual_evaluations.json"
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
    return created


def finish(loader):
    """A first snapshot, once every app's content is in."""
    from .assessment import take_snapshot

    if not Snapshot.objects.exists():
        take_snapshot()
