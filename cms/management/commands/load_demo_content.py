from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Load the Soacha demo site (pages, documents, users per role). Safe to run again."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(
                "Demo content is disabled in this environment (DEMO_CONTENT_ALLOWED is False): "
                "it creates users with known passwords."
            )
        created = DemoLoader(stdout=self.stdout).run()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} objects created)."))
