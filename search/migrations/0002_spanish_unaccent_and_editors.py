"""PostgreSQL: a Spanish full-text configuration that also ignores accents
(``spanish_unaccent``: unaccent, then the Spanish stemmer), for the search backend's
SEARCH_CONFIG. Every database: editors may read the search report."""

from django.db import migrations

CREATE_CONFIG = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'spanish_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION spanish_unaccent (COPY = pg_catalog.spanish);
        ALTER TEXT SEARCH CONFIGURATION spanish_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
    END IF;
END
$$;
"""
DROP_CONFIG = "DROP TEXT SEARCH CONFIGURATION IF EXISTS spanish_unaccent;"


def create_config(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_CONFIG)


def drop_config(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_CONFIG)


def grant_report(apps, schema_editor):
    from cms.roles import EDITORS, _permission

    Group = apps.get_model("auth", "Group")
    permission = _permission(apps, "search", "noresultdailyhits", "view_search_report")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("cms", "0003_roles_and_workflow"),
    ]

    operations = [
        migrations.RunPython(create_config, drop_config),
        migrations.RunPython(grant_report, migrations.RunPython.noop),
    ]
