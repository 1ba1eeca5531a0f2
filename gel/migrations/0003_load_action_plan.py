"""Load the action plan of Artículo 6 from gel/data/gel_action_plan.json (idempotent)."""

from django.db import migrations


def load(apps, schema_editor):
    from gel.action_plan import load_plan

    load_plan(apps.get_model("gel", "Action"), apps.get_model("gel", "Activity"))


class Migration(migrations.Migration):
    dependencies = [("gel", "0002_action_plan")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
