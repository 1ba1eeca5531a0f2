"""PostgreSQL: a GIN index on ``title || body`` of Wagtail's search index entries.

Wagtail's database backend filters on ``(title || body) @@ tsquery`` but its
migrations only index ``title`` and ``body`` separately, so without this every search
scans the whole index table. Built CONCURRENTLY so a live portal is not locked."""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"
CREATE = (
    f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} "
    "ON wagtailsearch_indexentry USING gin ((title || body));"
)
DROP = f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX};"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("search", "0002_spanish_unaccent_and_editors"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
