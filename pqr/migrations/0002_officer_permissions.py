from django.db import migrations

from cms.roles import PQR_OFFICERS, _permission

PERMISSIONS = [
    ("pqr", "case", "view_case"),
    ("pqr", "case", "add_case"),
    ("pqr", "case", "change_case"),
    ("pqr", "closureday", "view_closureday"),
    ("pqr", "closureday", "add_closureday"),
    ("pqr", "closureday", "change_closureday"),
    ("pqr", "closureday", "delete_closureday"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=PQR_OFFICERS)
    group.permissions.add(*(_permission(apps, *perm) for perm in PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [("pqr", "0001_initial"), ("cms", "0003_roles_and_workflow")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
