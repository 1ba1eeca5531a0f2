"""Print how many GEL criteria the site meets, per phase, and each criterion's status."""

from django.core.management.base import BaseCommand

from gel.assessment import evaluate, summarise


class Command(BaseCommand):
    help = "Evaluate the 93 GEL criteria against the live site and print the counts."

    def add_arguments(self, parser):
        parser.add_argument("--verbose-criteria", action="store_true", help="List each criterion.")

    def handle(self, *args, **options):
        summary = summarise(evaluate())
        for phase, _categories, items in summary.phases:
            counts = ", ".join(f"{key} {value}" for key, value in phase.counts.items())
            self.stdout.write(f"{phase.name}: {phase.met}/{phase.total} met ({counts})")
            if options["verbose_criteria"]:
                for evaluation in items:
                    how = "manual" if evaluation.is_manual else evaluation.check_name
                    line = f"  {evaluation.status:14} {evaluation.criterion.id} [{how}]"
                    self.stdout.write(f"{line} {evaluation.note}".rstrip())
        total = summary.total
        self.stdout.write(f"Met: {total.met} of {total.total} ({total.percent} %)")
