"""``manage.py seed_bench_account_petitions``: 50 petitions filed from the account of
the bench citizen of "Mi cuenta" (``BENCH_CITIZEN``, shared with participation's
``seed_bench_account_participation``), for the "Mi cuenta" entry of pqr/bench.json.
Bench only; idempotent (tops up to 50); no e-mail leaves the bench."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pqr.filing import file_case
from pqr.models import Case, OutgoingEmail

BENCH_CITIZEN = "bench.cuenta@soacha.example"
PETITIONS = 50


class Command(BaseCommand):
    help = "File 50 petitions for the bench citizen of 'Mi cuenta'. Bench only."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError("Bench data needs DEMO_CONTENT_ALLOWED (a bench database).")
        with transaction.atomic():
            user, _created = get_user_model().objects.get_or_create(
                email=BENCH_CITIZEN, defaults={"username": BENCH_CITIZEN}
            )
            last = OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first()
            have = Case.objects.filter(user=user).count()
            for n in range(have, PETITIONS):
                data = {
                    "petition_type": "general",
                    "subject": f"Petición de carga número {n}",
                    "description": "Petición generada por seed_bench_account_petitions.",
                    "name": "Ciudadana de prueba de carga",
                    "email": BENCH_CITIZEN,
                    "answer_channel": "email",
                }
                file_case(data, user=user)
            # the acknowledgements are never delivered: the rows go before commit
            OutgoingEmail.objects.filter(pk__gt=last or 0).delete()
        self.stdout.write(f"{BENCH_CITIZEN}: {PETITIONS} petitions ({PETITIONS - have} new)")
