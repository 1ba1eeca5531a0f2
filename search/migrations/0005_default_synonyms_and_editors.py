"""The Spanish default synonyms (search.synonyms.DEFAULT_SYNONYMS), and the editors'
rights to manage synonyms in the admin."""

from django.db import migrations

CODENAMES = ("add_synonym", "change_synonym", "delete_synonym", "view_synonym")


def seed(apps, schema_editor):
    from search.synonyms import DEFAULT_SYNONYMS, key

    Synonym = apps.get_model("search", "Synonym")
    for term, alternatives in DEFAULT_SYNONYMS.items():
        Synonym.objects.get_or_create(term=key(term), defaults={"alternatives": alternatives})


def grant(apps, schema_editor):
    from cms.roles import EDITORS, _permission

    Group = apps.get_model("auth", "Group")
    permissions = [_permission(apps, "search", "synonym", codename) for codename in CODENAMES]
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_synonym"),
        ("cms", "0003_roles_and_workflow"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
