"""Grant the moderation permissions to the "Moderadores" group (cms/roles.py)."""

from django.db import migrations

from cms.roles import MODERATORS, _permission

GRANTS = {
    MODERATORS: [
        ("report", "moderate"),
        ("moderatedword", "add_moderatedword"),
        ("moderatedword", "change_moderatedword"),
        ("moderatedword", "delete_moderatedword"),
        ("moderatedword", "view_moderatedword"),
    ],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, perms in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *(_permission(apps, "participation", model, code) for model, code in perms)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("cms", "0003_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
