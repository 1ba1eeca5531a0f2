"""``manage.py seed_bench_debates``: two debates for ``make bench``, with exactly 30 and
300 comments in three levels (0, 1 and 2), under the demo's debates index.

Run by scripts/bench.py after ``load_demo_content`` (it runs every app's
``seed_bench_*`` command), on the bench's own database only: the citizen-facing demo
never has them. Comments go through the comment service like the demo's; each thread
is a root, two replies and three replies to those (6 comments), one in five threads
with a withdrawn reply and one in five with a hidden one, so both pages show the same
mix at 10 times the size. Idempotent: a bench debate that exists is kept."""

import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from participation import contributions, moderation
from participation.demo import citizens_by_nickname, read_data
from participation.models import Comment, DebateIndexPage, DebatePage, Notification

SIZES = (30, 300)
THREAD = 6  # comments per thread: root, 2 replies, 3 replies to replies
SEED = 387


class Command(BaseCommand):
    help = "Create the bench debates (30 and 300 comments in three levels). Bench only."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError("Bench debates need DEMO_CONTENT_ALLOWED (a bench database).")
        index = DebateIndexPage.objects.filter(locale__language_code="es").first()
        if index is None:
            raise CommandError("No debate index: run load_demo_content first.")
        data = read_data()
        citizens = list(citizens_by_nickname(data["citizens"]).values())
        if len(citizens) < 4:
            raise CommandError("The demo citizens are missing: run load_demo_content first.")
        texts = [c["text"] for d in data["debates"] for c in d["comments"]]
        moderator = get_user_model().objects.filter(email__iexact="moderador@soacha.example")
        with transaction.atomic():
            last = Notification.objects.order_by("-pk").values_list("pk", flat=True).first()
            for size in SIZES:
                created = self.debate(index, size, citizens, texts, moderator.first())
                self.stdout.write(f"bench-{size}-comentarios: {created}")
            # hiding queues an e-mail to the author: none leaves the bench
            Notification.objects.filter(pk__gt=last or 0).delete()

    def debate(self, index, size, citizens, texts, moderator):
        slug = f"bench-{size}-comentarios"
        if DebatePage.objects.child_of(index).filter(slug=slug).exists():
            return "kept"
        if size % THREAD:
            raise CommandError(f"{size} is not a multiple of {THREAD}")
        now = timezone.now()
        debate = DebatePage(
            title=f"Debate de prueba de carga ({size} comentarios)",
            slug=slug,
            introduction="Debate generado por manage.py seed_bench_debates para make bench.",
            question="¿Cómo mejorar la movilidad en Soacha?",
            opens_at=now - timedelta(days=10),
            closes_at=now + timedelta(days=20),
        )
        index.add_child(instance=debate)
        debate.save_revision().publish()
        rng = random.Random(SEED + size)  # noqa: S311 - bench data, reproducible
        posted = []
        for thread in range(size // THREAD):

            def post(parent=None):
                user = rng.choice(citizens)
                comment = contributions.post_comment(
                    user, debate, rng.choice(texts), "es", parent=parent
                )
                posted.append(comment)
                return comment

            root = post()
            first, second = post(root), post(root)
            deep = [post(first), post(first), post(second)]
            for comment in (root, first, second):
                for user in rng.sample(citizens, 3):
                    if user.pk != comment.user_id:
                        contributions.react(user, comment, rng.choice((1, 1, 1, -1)))
            if thread % 5 == 3:
                contributions.withdraw_comment(deep[1].user, deep[1])
            if thread % 5 == 4:
                moderation.hide_comment(deep[2], moderator, "off_topic")
        start = now - timedelta(days=10)
        for n, comment in enumerate(posted):
            when = start + timedelta(minutes=n * 10 * 24 * 60 / len(posted))
            Comment.objects.filter(pk=comment.pk).update(submit_date=when)
        return f"{len(posted)} comments"
