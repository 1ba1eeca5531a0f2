from django.core.management.base import BaseCommand

from subscriptions import digests


class Command(BaseCommand):
    help = (
        "Claim the items held for the daily or weekly digest and enqueue one digest "
        "e-mail per citizen (safe to run twice or on two machines at once)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", choices=digests.PERIODS, required=True)

    def handle(self, *args, period, **options):
        created = digests.collect(period)
        self.stdout.write(f"{len(created)} {period} digest(s) queued.")
