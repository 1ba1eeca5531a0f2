"""Daily cron entry point: ``manage.py pqr_due_reminders``."""

from django.core.management.base import BaseCommand

from pqr.tasks import send_due_reminders


class Command(BaseCommand):
    help = "E-mail PQRSD officials their overdue cases and those due within 3 business days."

    def handle(self, *args, **options):
        result = send_due_reminders.enqueue()
        self.stdout.write(f"Reminder task {result.id}: {result.status}")
