"""Transparency snippets (dependencies, officials, entities, interest groups) are
published the moment they are saved, without the editorial workflow: only editors
change them. Authors keep "view" so they can pick them in the pages they write."""

from django.db import migrations

from cms.roles import AUTHORS

MODELS = ["dependency", "publicofficial", "otherentity", "interestgroup"]


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=AUTHORS).first()
    if group is None:
        return
    group.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="transparency",
            codename__in=[f"{action}_{model}" for model in MODELS for action in ("add", "change")],
        )
    )


class Migration(migrations.Migration):
    dependencies = [("transparency", "0004_quick_poll_block")]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
