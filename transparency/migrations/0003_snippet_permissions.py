"""Editors keep the transparency snippets (dependencies, officials, entities, interest
groups) current; authors may add and change them but not delete them."""

from django.db import migrations

from cms.roles import AUTHORS, EDITORS, _permission

MODELS = ["dependency", "publicofficial", "otherentity", "interestgroup"]
PERMISSIONS = {
    EDITORS: ["add", "change", "delete", "view"],
    AUTHORS: ["add", "change", "view"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, actions in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *(
                _permission(apps, "transparency", model, f"{action}_{model}")
                for model in MODELS
                for action in actions
            )
        )


class Migration(migrations.Migration):
    dependencies = [("transparency", "0002_information_phase"), ("cms", "0003_roles_and_workflow")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
