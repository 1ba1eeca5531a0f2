"""Grant the surveys permissions to the portal's roles (cms/roles.py)."""

from django.db import migrations

from cms.roles import EDITORS, INTERNAL_CONTROL, MODERATORS, _permission

GRANTS = {
    EDITORS: [
        ("response", "export_response"),
        ("response", "view_report"),
        ("pagefeedback", "view_pagefeedback"),
    ],
    INTERNAL_CONTROL: [
        ("response", "export_response"),
        ("response", "view_report"),
        ("pagefeedback", "view_pagefeedback"),
    ],
    MODERATORS: [("answer", "moderate_answer")],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, perms in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(_permission(apps, "surveys", model, code) for model, code in perms))


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("cms", "0003_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
