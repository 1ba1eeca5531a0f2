"""Control Interno follows results (the survey report and page feedback, aggregated),
read-only as DESIGN.md says; the raw export of answers may hold personal data that
respondents wrote, so it stays with the editors who run the surveys."""

from django.db import migrations

from cms.roles import INTERNAL_CONTROL


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=INTERNAL_CONTROL).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="surveys", codename="export_response")
        )


class Migration(migrations.Migration):
    dependencies = [("surveys", "0003_step_counts")]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
