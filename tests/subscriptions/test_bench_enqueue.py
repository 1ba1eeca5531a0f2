"""make bench's enqueue timing: one task per publication whatever the number of
subscribers, and nothing left behind."""

import io
import json

from wagtail.models import Page

import pytest

from subscriptions.management.commands import bench_subscription_enqueue as bench
from subscriptions.models import Subscription

# The enqueue happens on commit, as in production.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_one_task_per_publication_and_nothing_left(demo_site, monkeypatch):
    monkeypatch.setattr(bench, "SIZES", (0, 300))
    monkeypatch.setattr(bench, "REPEAT", 2)
    pages = Page.objects.count()
    out = io.StringIO()
    bench.Command(stdout=out).handle()
    rows = json.loads(out.getvalue())
    assert [row["subscribers"] for row in rows] == [0, 300]
    assert all(row["tasks_enqueued_per_publication"] == 1 for row in rows)
    assert Page.objects.count() == pages
    assert not Subscription.objects.filter(email__endswith=bench.DOMAIN).exists()
    assert [problem for problem in Page.find_problems() if problem] == []
