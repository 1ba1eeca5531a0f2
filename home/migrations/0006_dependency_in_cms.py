"""News and events point at cms.Dependency (moved from transparency, cms 0009). State
only: the column and its constraint already reference the same table."""

import django.db.models.deletion
from django.db import migrations, models


def dependency_field():
    return models.ForeignKey(
        blank=True,
        null=True,
        on_delete=django.db.models.deletion.SET_NULL,
        related_name="+",
        to="cms.dependency",
        verbose_name="dependency",
    )


class Migration(migrations.Migration):
    dependencies = [("cms", "0009_dependency"), ("home", "0005_quick_poll_block")]
    # transparency 0006 removes its Dependency once nothing refers to it any more.
    run_before = [("transparency", "0006_dependency_in_cms")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField("eventpage", "dependency", dependency_field()),
                migrations.AlterField("newspage", "dependency", dependency_field()),
            ]
        )
    ]
