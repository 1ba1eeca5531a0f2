"""Replace the per-browser start rows (a browser token per person who started) by
anonymous per-step counters; existing starts become the first step's "reached"."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count


def starts_to_counters(apps, schema_editor):
    SurveyStart = apps.get_model("surveys", "SurveyStart")
    SurveyStepCount = apps.get_model("surveys", "SurveyStepCount")
    totals = SurveyStart.objects.order_by().values("survey_id").annotate(n=Count("id"))
    SurveyStepCount.objects.bulk_create(
        [SurveyStepCount(survey_id=row["survey_id"], step=0, reached=row["n"]) for row in totals]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_grant_permissions"),
    ]

    operations = [
        migrations.CreateModel(
            name="SurveyStepCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("step", models.PositiveSmallIntegerField(verbose_name="step")),
                ("reached", models.PositiveIntegerField(default=0, verbose_name="reached")),
                ("completed", models.PositiveIntegerField(default=0, verbose_name="completed")),
                (
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="step_counts",
                        to="surveys.surveypage",
                    ),
                ),
            ],
            options={
                "verbose_name": "survey step count",
                "verbose_name_plural": "survey step counts",
            },
        ),
        migrations.AddConstraint(
            model_name="surveystepcount",
            constraint=models.UniqueConstraint(
                fields=("survey", "step"), name="surveys_one_count_per_step"
            ),
        ),
        migrations.RunPython(starts_to_counters, migrations.RunPython.noop),
        migrations.DeleteModel(
            name="SurveyStart",
        ),
    ]
