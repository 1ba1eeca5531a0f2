"""Closure days move every legal deadline (Ley 1755 business days), so the officials
whose deadlines they move only read them; superusers (the administrator) keep the
calendar."""

from django.db import migrations

from cms.roles import PQR_OFFICERS

REVOKED = ["add_closureday", "change_closureday", "delete_closureday"]


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=PQR_OFFICERS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="pqr", codename__in=REVOKED)
        )


class Migration(migrations.Migration):
    dependencies = [("pqr", "0004_case_id_type")]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
