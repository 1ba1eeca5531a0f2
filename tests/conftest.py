"""Root fixtures: users per role, the demo site, and the rules for tests that need
PostgreSQL or Chromium (skipped with a reason when absent, failed when required)."""

import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

# The role-matrix and rules fixtures (tests/role_matrix.py), for every app's tests.
from tests.role_matrix import role_demo, role_users, rule_users  # noqa: F401

pytest_plugins = ["tests.sharding"]

CHROMIUM = "/usr/bin/chromium"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    if not os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"):
        # Skip before any fixture runs: transactional PostgreSQL tests would otherwise
        # flush the shared SQLite test database during setup.
        for item in items:
            if "postgres" in item.keywords:
                item.add_marker(
                    pytest.mark.skip(
                        reason="needs PostgreSQL: runs in the PostgreSQL pass of `make test`"
                    )
                )
    have_chromium = os.path.exists(CHROMIUM) or shutil.which("chromium")
    browser_items = [item for item in items if "browser" in item.keywords]
    if browser_items and not have_chromium:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            raise pytest.UsageError(f"REQUIRE_BROWSER=1 but Chromium is missing at {CHROMIUM}")
        for item in browser_items:
            item.add_marker(pytest.mark.skip(reason=f"needs Chromium at {CHROMIUM}"))


@pytest.fixture(autouse=True)
def _postgres_only(request):
    """Tests marked ``postgres`` need the real thing; the SQLite pass skips them."""
    if request.node.get_closest_marker("postgres") is None:
        return
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: runs in the PostgreSQL pass of `make test`")


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language (Spanish): a request through
    LocaleMiddleware leaves its language active in the thread, which would otherwise
    leak into the next test's lazy strings."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def _ensure_demo_site():
    from wagtail.models import Site

    from cms.demo.loader import DemoLoader
    from transparency.models import TransparencyPage

    # The transparency menu page is created by the demo; without it the demo is not in.
    if not TransparencyPage.objects.exists():
        DemoLoader().run()
    return Site.objects.get(is_default_site=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once per session; each test's changes roll back.

    Transactional tests (live server, concurrency) flush the database afterwards and,
    with ``serialized_rollback``, restore Django's snapshot of it. Django takes that
    snapshot right after the migrations, before the demo is in; taking it again here
    makes the restore bring the demo back (in well under a second, not a reload), and
    keeps content-type ids identical to the ones the non-transactional tests saw."""
    from django.db import connections

    with django_db_blocker.unblock():
        _ensure_demo_site()
        for connection in connections.all():
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()
                _DemoSnapshot.take(connection)


class _DemoSnapshot:
    """A copy of the test database taken with the demo in, restored by the database.

    ``serialized_rollback`` restores the demo before each transactional test (browser,
    live server, concurrency) by saving Django's JSON snapshot of it object by object:
    about 20,000 objects and 5 s of CPU per test. Instead, the snapshot's data is copied
    back by the database itself: on SQLite with sqlite3's backup API (the pages of an
    in-memory copy), on PostgreSQL with one ``INSERT ... SELECT`` per table from copies
    kept in a schema of their own, after emptying the tables (foreign keys are deferred to
    the commit). Either way
    the data is the one the deserialisation would have rebuilt, in milliseconds. Any
    other data, or a failed copy, is deserialised as usual."""

    SCHEMA = "soacha_demo_snapshot"
    snapshots = {}  # alias -> (the serialized contents it stands for, restore(connection))

    @classmethod
    def take(cls, connection):
        from django.db.backends.base.creation import BaseDatabaseCreation

        take = {"sqlite": cls._take_sqlite, "postgresql": cls._take_postgresql}.get(
            connection.vendor
        )
        if take is None:
            return
        cls.snapshots[connection.alias] = (connection._test_serialized_contents, take(connection))
        if getattr(BaseDatabaseCreation, "_restores_demo_snapshots", False):
            return
        deserialize = BaseDatabaseCreation.deserialize_db_from_string

        def restore_or_deserialize(creation, data):
            contents, restore = cls.snapshots.get(creation.connection.alias, (None, None))
            if restore is None or data != contents or creation.connection.in_atomic_block:
                return deserialize(creation, data)
            try:
                restore(creation.connection)
            except Exception as error:  # noqa: BLE001 - the slow, general way always works
                warnings.warn(f"demo snapshot not restored ({error}); deserialising", stacklevel=1)
                return deserialize(creation, data)
            return None

        BaseDatabaseCreation.deserialize_db_from_string = restore_or_deserialize
        BaseDatabaseCreation._restores_demo_snapshots = True

    @staticmethod
    def _take_sqlite(connection):
        import sqlite3

        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.ensure_connection()
        connection.connection.backup(copy)

        def restore(connection):
            connection.ensure_connection()
            copy.backup(connection.connection)

        return restore

    @classmethod
    def _take_postgresql(cls, connection):
        from django.db import transaction

        introspection = connection.introspection
        tables = sorted(introspection.django_table_names(only_existing=True, include_views=False))
        schema = connection.ops.quote_name(cls.SCHEMA)
        copies = [f"CREATE SCHEMA {schema}"]
        # Emptied first: Django also restores before the first transactional test,
        # over the data the earlier tests rolled back to.
        names = ", ".join(connection.ops.quote_name(table) for table in tables)
        restores = [f"TRUNCATE {names}"]
        for table in tables:
            name = connection.ops.quote_name(table)
            copies.append(f"CREATE TABLE {schema}.{name} AS TABLE {name}")
            restores.append(f"INSERT INTO {name} SELECT * FROM {schema}.{name}")  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            cursor.execute(";\n".join(copies))

        def restore(connection):
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute(";\n".join(restores))

        return restore


@pytest.fixture
def demo_site(db):
    """The full Soacha demo site, as `make run` loads it (reloaded after a test that
    flushed the database, such as a live-server test)."""
    return _ensure_demo_site()


@pytest.fixture
def make_user(db, django_user_model):
    """Create a user in the given groups with a verified email address."""
    from django.contrib.auth.models import Group

    from allauth.account.models import EmailAddress

    def factory(email, groups=(), password="una-clave-segura-123", **extra):
        user = django_user_model.objects.create_user(
            username=email, email=email, password=password, **extra
        )
        user.groups.add(*Group.objects.filter(name__in=groups))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return factory


@pytest.fixture
def author(make_user):
    return make_user("autor@test.example", groups=["Autores"])


@pytest.fixture
def editor(make_user):
    return make_user("editor@test.example", groups=["Editores"])


@pytest.fixture
def moderator(make_user):
    return make_user("moderador@test.example", groups=["Moderadores"])


@pytest.fixture
def citizen(make_user):
    return make_user("ciudadano@test.example")


@pytest.fixture
def superuser(make_user):
    return make_user("admin@test.example", is_superuser=True, is_staff=True)


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory):
    """A SQLite file with every migration applied, built once per session: the tests
    that hammer a file database copy it (see ``sqlite_file``) instead of migrating
    their own, which costs some 20 s of CPU each."""
    path = tmp_path_factory.mktemp("sqlite-template") / "migrated.sqlite3"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{path}",
    }
    subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        check=True,
        capture_output=True,
    )
    return path


@pytest.fixture
def sqlite_file(migrated_sqlite_file, tmp_path):
    """A fresh copy of the migrated SQLite file, for one test to write to."""
    path = tmp_path / "portal.sqlite3"
    shutil.copyfile(migrated_sqlite_file, path)
    return path
