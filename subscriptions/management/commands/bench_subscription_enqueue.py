"""How long publishing a news item takes to enqueue its notification, for growing
numbers of confirmed subscribers (make bench prints it). It must not grow: the request
enqueues one fan-out task and the worker finds the subscribers.

Runs on the database backend of django-tasks (nothing is sent: no worker runs) and
removes everything it created."""

import json
import time

from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.utils import timezone

from wagtail.models import Page

from subscriptions.models import Subscription

SIZES = (0, 100, 1000, 10000)
REPEAT = 5
DOMAIN = "bench-enqueue.example"


class Command(BaseCommand):
    help = "Time the enqueue of a notification for 0 to 10,000 subscribers (JSON)."

    def handle(self, *args, **options):
        from django_tasks_db.models import DBTaskResult

        newsroom = Page.objects.live().filter(content_type__model="newsindexpage").first()
        if newsroom is None:
            self.stderr.write("No news room: run load_demo_content first.")
            return
        news_model = newsroom.specific.__class__.allowed_subpage_models()[0]
        backend = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        results = []
        try:
            with override_settings(TASKS=backend):
                for size in SIZES:
                    self._subscribers(size)
                    earlier = DBTaskResult.objects.filter(
                        task_path="subscriptions.tasks.fan_out"
                    ).count()
                    timings = []
                    for n in range(REPEAT):
                        page = news_model(title=f"Bench {size}-{n}", slug=f"bench-{size}-{n}")
                        newsroom.add_child(instance=page)
                        revision = page.save_revision()
                        start = time.perf_counter()
                        revision.publish()
                        timings.append(time.perf_counter() - start)
                    fan_outs = (
                        DBTaskResult.objects.filter(task_path="subscriptions.tasks.fan_out").count()
                        - earlier
                    )
                    results.append(
                        {
                            "subscribers": size,
                            "publish_and_enqueue_ms": round(min(timings) * 1000, 1),
                            "median_ms": round(sorted(timings)[REPEAT // 2] * 1000, 1),
                            "tasks_enqueued_per_publication": fan_outs / REPEAT,
                        }
                    )
                    DBTaskResult.objects.filter(task_path__startswith="subscriptions.").delete()
        finally:
            Page.objects.filter(slug__startswith="bench-", title__startswith="Bench ").delete()
            Subscription.objects.filter(email__endswith=DOMAIN).delete()
        self.stdout.write(json.dumps(results))

    def _subscribers(self, size):
        now = timezone.now()
        existing = Subscription.objects.filter(email__endswith=DOMAIN).count()
        Subscription.objects.bulk_create(
            [
                Subscription(
                    email=f"s{n}@{DOMAIN}",
                    list_key="news",
                    language="es",
                    confirmed_at=now,
                    consent_at=now,
                )
                for n in range(existing, size)
            ],
            batch_size=1000,
        )
