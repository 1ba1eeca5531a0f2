"""The action plan of Artículo 6: loaded from gel/data/gel_action_plan.json by the data
migration (all 22 actions and their activities, idempotently), and the progress the
committee records: a percentage from 0 to 100, anything else refused and not saved."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

import pytest

from gel.action_plan import load_plan, plan_progress, read_plan
from gel.models import Action, Activity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def plan_as_loaded():
    """The plan as the data migration loads it, without the demo's progress (the demo
    site may have been loaded for an earlier test)."""
    Activity.objects.update(
        progress=0, due_date=None, evidence_text="", evidence_url="", updated_by=None
    )


def test_the_migration_loads_every_action_with_its_fields():
    plan = read_plan()
    actions = list(Action.objects.order_by("sort_order"))
    assert len(plan) == len(actions) == 22
    for number, (spec, action) in enumerate(zip(plan, actions, strict=True), start=1):
        assert action.sort_order == number
        assert action.name == spec["action"]
        assert action.phase == (spec["phase"] or "")
        assert action.beneficiaries == spec["beneficiaries"]
        assert action.indicator_list() == spec["indicators"]
        assert action.target_list() == spec["targets"]
        assert action.responsible_list() == spec["responsible"]
        assert action.resource_list() == spec["resources"]
        assert action.schedule == spec["schedule"]
        assert action.duration == spec["duration"]
        activities = list(action.activities.order_by("sort_order"))
        assert [a.description for a in activities] == spec["activities"]
        assert all(a.progress == 0 and a.due_date is None for a in activities)


def test_every_activity_is_loaded_and_loading_again_changes_nothing():
    total = sum(len(spec["activities"]) for spec in read_plan())
    assert Activity.objects.count() == total == 42
    activity = Activity.objects.first()
    activity.progress = 50
    activity.save()
    assert load_plan(Action, Activity) == 0
    assert Action.objects.count() == 22 and Activity.objects.count() == total
    activity.refresh_from_db()
    assert activity.progress == 50


def test_a_deleted_activity_is_loaded_again():
    Activity.objects.filter(action__sort_order=1, sort_order=2).delete()
    assert load_plan(Action, Activity) == 1
    assert Activity.objects.count() == 42


@pytest.mark.parametrize("bad", [140, 101, -1])
def test_progress_outside_0_to_100_is_refused_with_a_translated_error(bad):
    activity = Activity.objects.first()
    activity.progress = bad
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        activity.full_clean()
    with translation.override("en"):
        assert raised.value.message_dict["progress"] == [
            "The progress is a percentage between 0 and 100."
        ]
    activity.refresh_from_db()
    assert activity.progress == 0


@pytest.mark.parametrize("bad", [140, -5])
def test_the_database_refuses_bad_progress_too(bad):
    activity = Activity.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(progress=bad)
    activity.refresh_from_db()
    assert activity.progress == 0


def test_progress_per_action_is_the_mean_and_overdue_activities_are_named():
    today = timezone.localdate()
    first = Action.objects.get(sort_order=1)
    done, late, future = first.activities.order_by("sort_order")
    Activity.objects.filter(pk=done.pk).update(progress=100, due_date=today - timedelta(days=9))
    Activity.objects.filter(pk=late.pk).update(progress=50, due_date=today - timedelta(days=1))
    Activity.objects.filter(pk=future.pk).update(progress=20, due_date=today + timedelta(days=9))
    progress = plan_progress(today)
    item = progress.actions[0]
    assert item.action == first and item.percent == round(170 / 3)
    assert [a.pk for a in item.overdue] == [late.pk]
    assert (progress.done, progress.total, progress.percent) == (1, 42, round(100 / 42))
    assert progress.overdue == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_postgresql_the_plan_is_loaded_and_two_saves_at_once_keep_a_valid_progress():
    """The migration's load and the check constraint hold on PostgreSQL; two committee
    members saving one activity at the same moment leave one of their values, no error."""
    import threading

    from django.db import connection

    assert Action.objects.count() == 22 and Activity.objects.count() == 42
    activity = Activity.objects.get(action__sort_order=2, sort_order=1)
    barrier = threading.Barrier(2)
    errors = []

    def save(value):
        try:
            barrier.wait()
            row = Activity.objects.get(pk=activity.pk)
            row.progress = value
            row.full_clean()
            row.save()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(value,)) for value in (30, 70)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    activity.refresh_from_db()
    assert activity.progress in (30, 70)
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(progress=140)
    activity.refresh_from_db()
    assert activity.progress in (30, 70)
