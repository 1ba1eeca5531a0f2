from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from cms.demo.loader import DemoLoader, demo_password

# The demo files petitions (whose acknowledgements go out on commit): they go nowhere,
# so the console backend of `make run` does not print them among the loader's output.
QUIET_EMAIL = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = "Load the Soacha demo site (pages, documents, users per role). Safe to run again."

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(
                "Demo content is disabled in this environment (DEMO_CONTENT_ALLOWED is False): "
                "it creates users with known passwords."
            )
        with override_settings(EMAIL_BACKEND=QUIET_EMAIL):
            loader = DemoLoader(stdout=self.stdout)
            created = loader.run()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} objects created)."))
        self.summary(loader)

    def summary(self, loader):
        """Where the portal answers (PORTAL_BASE_URL: `make run` sets it from PORT) and
        the demo logins, as the last lines a newcomer sees before the server starts."""
        base = settings.PORTAL_BASE_URL
        logins = loader.logins()
        width = max(len(email) for email, _role in logins)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Portal: {base}/"))
        self.stdout.write(f"Admin:  {base}/admin/")
        self.stdout.write(f"Demo logins (password: {demo_password()}):")
        for email, role in logins:
            self.stdout.write(f"  {email.ljust(width)}  {role or 'citizen'}")
