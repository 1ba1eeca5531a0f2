from django.core.management.base import BaseCommand

from subscriptions import services


class Command(BaseCommand):
    help = "Delete the e-mail subscriptions not confirmed within SUBSCRIPTIONS_CONFIRM_DAYS."

    def handle(self, *args, **options):
        count = services.expire()
        self.stdout.write(f"{count} unconfirmed subscription(s) deleted.")
