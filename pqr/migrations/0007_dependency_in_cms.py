"""Cases and officer profiles point at cms.Dependency (moved from transparency, cms
0009). State only: the column, the many-to-many table and their constraints already
reference the same table."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cms", "0009_dependency"), ("pqr", "0006_outgoingemail")]
    # transparency 0006 removes its Dependency once nothing refers to it any more.
    run_before = [("transparency", "0006_dependency_in_cms")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="case",
                    name="dependency",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="pqr_cases",
                        to="cms.dependency",
                        verbose_name="dependency",
                    ),
                ),
                migrations.AlterField(
                    model_name="officerprofile",
                    name="dependencies",
                    field=models.ManyToManyField(
                        blank=True, to="cms.dependency", verbose_name="dependencies"
                    ),
                ),
            ]
        )
    ]
