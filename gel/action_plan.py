"""The action plan of Artículo 6 (``data/gel_action_plan.json``) and its follow-up
(Artículo 7): loading it into ``Action`` and ``Activity`` and measuring its progress."""

import json
from dataclasses import dataclass, field

from django.utils import timezone

from .criteria import DATA

PLAN_FILE = DATA / "gel_action_plan.json"


def read_plan():
    with open(PLAN_FILE, encoding="utf-8") as handle:
        return json.load(handle)["actions"]


def load_plan(Action, Activity):
    """Create the actions and activities missing from the database (by their order in
    the file), leaving those present, and what the committee recorded, untouched.
    Takes the models so the data migration can pass its historical ones."""
    created = 0
    for number, spec in enumerate(read_plan(), start=1):
        action, _new = Action.objects.get_or_create(
            sort_order=number,
            defaults={
                "phase": spec["phase"] or "",
                "name": spec["action"],
                "beneficiaries": spec["beneficiaries"],
                "indicators": "\n".join(spec["indicators"]),
                "targets": "\n".join(spec["targets"]),
                "responsible": "\n".join(spec["responsible"]),
                "resources": "\n".join(spec["resources"]),
                "schedule": spec["schedule"],
                "duration": spec["duration"],
            },
        )
        for position, description in enumerate(spec["activities"], start=1):
            _activity, new = Activity.objects.get_or_create(
                action=action, sort_order=position, defaults={"description": description}
            )
            created += new
    return created


@dataclass
class ActionProgress:
    action: object
    activities: list
    percent: int
    overdue: list = field(default_factory=list)


@dataclass
class PlanProgress:
    actions: list
    done: int
    total: int

    @property
    def percent(self):
        """The indicator "Metas cumplidas / metas trazadas": activities at 100 % over all."""
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def overdue(self):
        return sum(len(item.overdue) for item in self.actions)


def plan_progress(today=None):
    """Every action with its activities, their mean progress and the overdue ones
    (due date passed, progress below 100), in two queries."""
    from django.db.models import Prefetch

    from .models import Action, Activity

    today = today or timezone.localdate()
    actions = []
    done = total = 0
    for action in Action.objects.prefetch_related(
        Prefetch(
            "activities",
            queryset=Activity.objects.select_related("evidence_document").order_by(
                "sort_order", "pk"
            ),
        )
    ):
        activities = list(action.activities.all())
        mean = round(sum(a.progress for a in activities) / len(activities)) if activities else 0
        overdue = [a for a in activities if a.is_overdue(today)]
        actions.append(ActionProgress(action, activities, mean, overdue))
        done += sum(1 for a in activities if a.is_done)
        total += len(activities)
    return PlanProgress(actions, done, total)
