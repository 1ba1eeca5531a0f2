"""Moving Dependency from transparency to cms (cms 0009) keeps an existing database's
rows, the links to them and the permissions granted on them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

import pytest

from cms.models import Dependency
from cms.roles import AUTHORS, EDITORS
from pqr.models import OfficerProfile

MOVE = ("cms", "0009_dependency")


def before_the_move():
    """The migration just before the move in cms and in every app that followed it
    (``*_dependency_in_cms``), read from the graph so a renumbering needs no edit here."""
    graph = MigrationLoader(connection).graph
    moves = [MOVE, *(key for key in graph.nodes if key[1].endswith("_dependency_in_cms"))]
    return [
        next(parent.key for parent in graph.node_map[key].parents if parent.key[0] == key[0])
        for key in moves
    ]


def migrate_back():
    """Unapply the move (cms 0009 and what depends on it); the historical models."""
    executor = MigrationExecutor(connection)
    before = before_the_move()
    executor.migrate(before)
    executor.loader.build_graph()
    return executor.loader.project_state(before).apps


def migrate_forward():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def sequence_values():
    """PostgreSQL's sequences and their last values (nothing on SQLite)."""
    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT schemaname, sequencename, last_value FROM pg_sequences"
            " WHERE last_value IS NOT NULL"
        )
        return {f'"{schema}"."{name}"': value for schema, name, value in cursor.fetchall()}


def restore_sequences(values):
    """Put the sequences of the tables the round trip dropped and recreated back where
    they were. The teardown's restore writes the snapshot's rows with their own ids and
    does not move sequences, so a sequence restarted at 1 would hand out ids that the
    snapshot already holds (the next test's insert fails on the primary key)."""
    with connection.cursor() as cursor:
        for sequence, value in values.items():
            cursor.execute(
                "SELECT setval(to_regclass(%s), GREATEST(%s, last_value))"
                " FROM pg_sequences WHERE to_regclass(%s) IS NOT NULL"
                " AND format('%%I.%%I', schemaname, sequencename)::regclass = to_regclass(%s)",
                [sequence, value, sequence, sequence],
            )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_moving_dependency_to_cms_keeps_rows_links_and_permissions(request):
    sequences = sequence_values()
    request.addfinalizer(lambda: restore_sequences(sequences))
    old = migrate_back()
    OldContentType = old.get_model("contenttypes", "ContentType")
    content_type = OldContentType.objects.get(app_label="transparency", model="dependency")
    assert not OldContentType.objects.filter(app_label="cms", model="dependency").exists()
    locale = old.get_model("wagtailcore", "Locale").objects.get(language_code="es")
    OldDependency = old.get_model("transparency", "Dependency")
    parent = OldDependency.objects.create(name="Secretaría General", slug="sg", locale=locale)
    child = OldDependency.objects.create(
        name="Oficina TIC", slug="tic", locale=locale, parent=parent
    )
    officer = old.get_model("cms", "User").objects.create(username="oficial", email="o@example.org")
    profile = old.get_model("pqr", "OfficerProfile").objects.create(user=officer)
    profile.dependencies.add(child)

    migrate_forward()

    assert Dependency._meta.db_table == "transparency_dependency"
    assert Dependency.objects.get(pk=child.pk).parent_id == parent.pk
    assert list(OfficerProfile.objects.get(pk=profile.pk).dependencies.all()) == [
        Dependency.objects.get(pk=child.pk)
    ]
    assert ContentType.objects.get(app_label="cms", model="dependency").pk == content_type.pk
    assert not ContentType.objects.filter(app_label="transparency", model="dependency").exists()
    User = get_user_model()
    editor = User.objects.create(username="editora", email="e@example.org")
    editor.groups.add(Group.objects.get(name=EDITORS))
    author = User.objects.create(username="autora", email="a@example.org")
    author.groups.add(Group.objects.get(name=AUTHORS))
    assert editor.has_perm("cms.change_dependency")
    assert editor.has_perm("cms.delete_dependency")
    assert author.has_perm("cms.view_dependency")
    assert not author.has_perm("cms.change_dependency")
