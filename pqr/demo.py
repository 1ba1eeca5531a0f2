"""Demo content for PQRSD: a closure day, the demo official's profile and sample cases.

Idempotent: closure days are keyed by date, the profile by user, and sample cases by
their form token (the same double-submission guard the public form uses)."""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model

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
        values = {key: value for key, value in item.items() if key != "token"}
        values.setdefault("anonymous", False)
        values["consent"] = True
        file_case(values, form_token=item["token"])
        created += 1
    return created
