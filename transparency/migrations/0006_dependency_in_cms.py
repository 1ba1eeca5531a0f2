"""Dependency now lives in cms (cms 0009 explains the move). State only: this app's
foreign keys point at cms.Dependency and the model leaves transparency's state; the
table ``transparency_dependency`` and every row stay (cms.Dependency uses it)."""

import django.db.models.deletion
from django.db import migrations, models


def link(related_name, verbose_name, optional):
    if optional:
        return models.ForeignKey(
            blank=True,
            null=True,
            on_delete=django.db.models.deletion.SET_NULL,
            related_name=related_name,
            to="cms.dependency",
            verbose_name=verbose_name,
        )
    return models.ForeignKey(
        on_delete=django.db.models.deletion.PROTECT,
        related_name=related_name,
        to="cms.dependency",
        verbose_name=verbose_name,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0009_dependency"),
        ("transparency", "0005_authors_read_only_snippets"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    "procedurepage",
                    "responsible_dependency",
                    link("procedures", "responsible dependency", optional=False),
                ),
                migrations.AlterField(
                    "publicofficial", "dependency", link("officials", "dependency", optional=False)
                ),
                migrations.AlterField(
                    "programproject",
                    "dependency",
                    link("+", "responsible dependency", optional=True),
                ),
                migrations.AlterField(
                    "processitem", "dependency", link("+", "responsible dependency", optional=True)
                ),
                migrations.AlterField(
                    "programpage",
                    "responsible_dependency",
                    link("programs", "responsible dependency", optional=False),
                ),
                migrations.DeleteModel(name="Dependency"),
            ]
        )
    ]
