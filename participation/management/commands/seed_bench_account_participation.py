"""``manage.py seed_bench_account_participation``: the bench citizen of "Mi cuenta"
(``BENCH_CITIZEN``, shared with pqr's ``seed_bench_account_petitions``) with 200
comments, in a debate of its own, and a follow of it, for the "Mi cuenta" entry of
participation/bench.json. Bench only; idempotent (tops up to 200)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress

from participation import contributions
from participation.models import Comment, DebateIndexPage, DebatePage, Notification

BENCH_CITIZEN = "bench.cuenta@soacha.example"
COMMENTS = 200
SLUG = "bench-mi-cuenta"


def bench_citizen():
    """The bench citizen, created with a verified address when missing."""
    user, _created = get_user_model().objects.get_or_create(
        email=BENCH_CITIZEN, defaults={"username": BENCH_CITIZEN}
    )
    EmailAddress.objects.get_or_create(
        user=user, email=BENCH_CITIZEN, defaults={"verified": True, "primary": True}
    )
    return user


class Command(BaseCommand):
    help = "Give the bench citizen 200 comments for the 'Mi cuenta' bench. Bench only."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError("Bench data needs DEMO_CONTENT_ALLOWED (a bench database).")
        index = DebateIndexPage.objects.filter(locale__language_code="es").first()
        if index is None:
            raise CommandError("No debate index: run load_demo_content first.")
        with transaction.atomic():
            user = bench_citizen()
            debate = DebatePage.objects.child_of(index).filter(slug=SLUG).first()
            if debate is None:
                now = timezone.now()
                debate = DebatePage(
                    title="Debate de prueba de carga (Mi cuenta)",
                    slug=SLUG,
                    introduction="Generado por seed_bench_account_participation para make bench.",
                    question="¿Qué mejoraría en su barrio?",
                    opens_at=now - timedelta(days=10),
                    closes_at=now + timedelta(days=20),
                )
                index.add_child(instance=debate)
                debate.save_revision().publish()
            last = Notification.objects.order_by("-pk").values_list("pk", flat=True).first()
            have = Comment.objects.filter(user=user, page_id=debate.pk).count()
            for n in range(have, COMMENTS):
                contributions.post_comment(user, debate, f"Comentario de carga número {n}.", "es")
            contributions.follow(user, debate)
            Notification.objects.filter(pk__gt=last or 0).delete()
        self.stdout.write(f"{BENCH_CITIZEN}: {COMMENTS} comments ({COMMENTS - have} new)")
