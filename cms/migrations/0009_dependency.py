"""Dependency (the organisation chart home, pqr, search and transparency file records
under) moves from transparency to cms, the shared layer, without touching a row.

The model keeps its table, ``transparency_dependency`` (``Meta.db_table``), so this is a
state-only move: cms creates the model in Django's migration state and transparency
deletes it from its own (transparency 0006, after home 0006 and pqr 0006 have pointed
their foreign keys at cms.Dependency, also in state only). The database keeps its table,
rows, foreign-key columns and constraints as they are.

The content type row moves with the model (app_label transparency -> cms), so the group
permissions that name it (Editores may add, change and delete dependencies; Autores may
view them), Wagtail's log entries and search index entries keep pointing at it."""

import uuid

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


def move_content_type(apps, from_label, to_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old = ContentType.objects.filter(app_label=from_label, model="dependency").first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label=to_label, model="dependency").first()
    if new is None:
        old.app_label = to_label
        old.save(update_fields=["app_label"])
    else:
        # Both exist (post_migrate already made the new one): carry the grants over.
        for permission in Permission.objects.filter(content_type=old):
            target, _ = Permission.objects.get_or_create(
                content_type=new,
                codename=permission.codename,
                defaults={"name": permission.name},
            )
            for group in permission.group_set.all():
                group.permissions.add(target)
            for user in permission.user_set.all():
                user.user_permissions.add(target)
        old.delete()
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    move_content_type(apps, "transparency", "cms")


def backwards(apps, schema_editor):
    move_content_type(apps, "cms", "transparency")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_authors_edit_own_media_only"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # The table was created (and its permissions granted) by transparency's
        # migrations, when the model lived there.
        ("transparency", "0005_authors_read_only_snippets"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Dependency",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        ("slug", models.SlugField(max_length=100, verbose_name="slug")),
                        (
                            "acronym",
                            models.CharField(blank=True, max_length=20, verbose_name="acronym"),
                        ),
                        (
                            "sort_order",
                            models.PositiveIntegerField(default=0, verbose_name="order"),
                        ),
                        (
                            "description",
                            models.TextField(
                                blank=True,
                                help_text="What the dependency does, in plain language (its main functions).",
                                verbose_name="functions",
                            ),
                        ),
                        (
                            "head_position",
                            models.CharField(
                                blank=True,
                                help_text="For example: Secretario(a) de Hacienda.",
                                max_length=200,
                                verbose_name="position of its head",
                            ),
                        ),
                        (
                            "address",
                            models.CharField(blank=True, max_length=255, verbose_name="address"),
                        ),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=100, verbose_name="phone"),
                        ),
                        (
                            "toll_free_phone",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="toll-free line"
                            ),
                        ),
                        ("fax", models.CharField(blank=True, max_length=100, verbose_name="fax")),
                        (
                            "email",
                            models.EmailField(
                                blank=True, max_length=254, verbose_name="institutional email"
                            ),
                        ),
                        (
                            "opening_hours",
                            models.CharField(
                                blank=True, max_length=255, verbose_name="opening hours"
                            ),
                        ),
                        (
                            "locale",
                            models.ForeignKey(
                                editable=False,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="wagtailcore.locale",
                                verbose_name="locale",
                            ),
                        ),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="children",
                                to="cms.dependency",
                                verbose_name="reports to",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "dependency",
                        "verbose_name_plural": "dependencies",
                        "db_table": "transparency_dependency",
                        "ordering": ["sort_order", "name"],
                        "abstract": False,
                        "unique_together": {("slug", "locale"), ("translation_key", "locale")},
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
