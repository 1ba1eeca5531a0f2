"""Demo content for PQRSD: a closure day, the demo official's profile and sample cases.

Idempotent: closure days are keyed by date, the profile by user, and sample cases by
their form token (the same double-submission guard the public form uses). A case's
``steps`` move it through the workflow as the demo official (one answered anonymous
petition fills the public list of answers to anonymous petitions)."""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model

from . import demo_online_forms, workflow
from .filing import file_case
from .models import Case, ClosureDay, OfficerProfile

DATA = Path(__file__).resolve().parent / "data" / "demo.json"


def load(loader) -> int:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    created = 0
    for item in data["closure_days"]:
        _, new = ClosureDay.objects.get_or_create(
            date=datetime.date.fromisoformat(item["date"]), defaults={"reason": item["reason"]}
        )
        created += new
    user = get_user_model().objects.filter(email=data["officer_email"]).first()
    if user is not None:
        _, new = OfficerProfile.objects.get_or_create(user=user, defaults={"sees_all": True})
        created += new
    for item in data["cases"]:
        if Case.objects.filter(form_token=item["token"]).exists():
            continue
        values = {key: value for key, value in item.items() if key not in ("token", "steps")}
        values.setdefault("anonymous", False)
        values["consent"] = True
        case = file_case(values, form_token=item["token"]).case
        created += 1
        if user is not None:
            for step in item.get("steps", []):
                workflow.transition(
                    case,
                    step["status"],
                    user,
                    message=step.get("message", ""),
                    answer=step.get("answer", ""),
                )
    return created


def finish(loader):
    """The online forms, once the procedures (transparency) and the citizen-services
    section (home) they hang from exist."""
    loader.created += demo_online_forms.load(loader)
