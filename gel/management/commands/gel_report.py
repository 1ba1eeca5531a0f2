"""Generate the bimonthly report of Decreto 387 de 2009, Artículo 8, as a draft page
under "Informes de gestión, evaluación y auditoría" and (``--submit``) send it to the
editors' approval. A report already published is left untouched. Cron (gel/README.md):
``15 6 1 1,3,5,7,9,11 * .venv/bin/python manage.py gel_report --submit``."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gel.periods import Period
from gel.reports import UNCHANGED, prepare_report, submit, system_user


class Command(BaseCommand):
    help = (
        "Create or refresh the draft GEL bimonthly report of a period "
        "(default: the last complete one)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--period",
            help="A month of the period, YYYY-MM (default: the last complete period).",
        )
        parser.add_argument(
            "--submit", action="store_true", help="Submit the draft to the editors' workflow."
        )
        parser.add_argument(
            "--user", help="E-mail of the requester (default: the first active superuser)."
        )

    def handle(self, *args, **options):
        try:
            period = (
                Period.parse(options["period"]) if options["period"] else Period.last_complete()
            )
        except ValueError as error:
            raise CommandError(f"--period must be YYYY-MM: {options['period']!r}") from error
        user = self._user(options["user"])
        try:
            page, status = prepare_report(period, user=user)
        except LookupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Report {period.label}: {status} (page {page.pk}).")
        if status == UNCHANGED:
            self.stdout.write("Already published: its figures stay as approved.")
            return
        if options["submit"]:
            state = submit(page, user)
            if state is None:
                self.stdout.write("Not submitted: a workflow is in progress or none applies.")
            else:
                self.stdout.write(f"Submitted to the workflow {state.workflow.name!r}.")

    def _user(self, email):
        if email:
            user = get_user_model().objects.filter(email=email, is_active=True).first()
            if user is None:
                raise CommandError(f"No active user with the e-mail {email!r}.")
            return user
        user = system_user()
        if user is None:
            raise CommandError("No active superuser to submit the report: give --user.")
        return user
