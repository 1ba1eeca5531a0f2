"""Editors may read the subscriptions report (counts only)."""

from django.db import migrations


def grant_report(apps, schema_editor):
    from cms.roles import EDITORS, _permission

    Group = apps.get_model("auth", "Group")
    permission = _permission(apps, "subscriptions", "subscription", "view_subscription_report")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_initial"),
        ("cms", "0003_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant_report, migrations.RunPython.noop)]
