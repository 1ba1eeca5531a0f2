"""Store the self-assessment's results at this moment (one snapshot per report)."""

from django.core.management.base import BaseCommand

from gel.assessment import take_snapshot


class Command(BaseCommand):
    help = "Take a snapshot of the GEL self-assessment for the history chart."

    def handle(self, *args, **options):
        snapshot = take_snapshot()
        self.stdout.write(f"Snapshot {snapshot.pk}: {snapshot.met} of {snapshot.total} met.")
