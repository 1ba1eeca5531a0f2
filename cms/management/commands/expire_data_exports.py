from django.core.management.base import BaseCommand

from cms import data_exports


class Command(BaseCommand):
    help = 'Delete the "download my data" files and records whose link has expired.'

    def handle(self, *args, **options):
        count = data_exports.expire()
        self.stdout.write(f"{count} expired data export(s) deleted.")
