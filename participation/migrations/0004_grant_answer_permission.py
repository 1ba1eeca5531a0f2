"""Grant answering the observations of consultations to the PQRSD officials (cms/roles.py):
they are the officials assigned to dependencies; rules.can_answer narrows each to the
consultations of their own dependencies."""

from django.db import migrations

from cms.roles import PQR_OFFICERS, _permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=PQR_OFFICERS)
    group.permissions.add(
        _permission(apps, "participation", "observationanswer", "answer_observations")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0003_consultations"),
        ("cms", "0003_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
