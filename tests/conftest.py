"""Root fixtures: users per role, the demo site, and the rules for tests that need
PostgreSQL or Chromium (skipped with a reason when absent, failed when required)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The role-matrix and rules fixtures (tests/role_matrix.py), for every app's tests.
from tests.role_matrix import role_demo, role_users, rule_users  # noqa: F401

CHROMIUM = "/usr/bin/chromium"


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
                if connection.vendor == "sqlite":
                    _SQLiteSnapshot.take(connection)


class _SQLiteSnapshot:
    """A page-for-page copy of the SQLite test database, taken with the demo in.

    ``serialized_rollback`` restores the demo before each transactional test (browser,
    live server) by saving Django's JSON snapshot of it object by object: about 20,000
    objects and 5 s of CPU per test. On SQLite, sqlite3's backup API copies the pages of
    this in-memory copy back in milliseconds; the database is then byte for byte what
    the deserialisation would have rebuilt. Any other data is deserialised as usual."""

    snapshots = {}  # alias -> (serialized contents it stands for, sqlite3 connection)

    @classmethod
    def take(cls, connection):
        import sqlite3

        from django.db.backends.sqlite3.creation import DatabaseCreation

        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.ensure_connection()
        connection.connection.backup(copy)
        cls.snapshots[connection.alias] = (connection._test_serialized_contents, copy)
        if not getattr(DatabaseCreation, "_restores_snapshots", False):
            deserialize = DatabaseCreation.deserialize_db_from_string

            def restore_or_deserialize(creation, data):
                contents, copy = cls.snapshots.get(creation.connection.alias, (None, None))
                if copy is None or data != contents or creation.connection.in_atomic_block:
                    return deserialize(creation, data)
                creation.connection.ensure_connection()
                copy.backup(creation.connection.connection)
                return None

            DatabaseCreation.deserialize_db_from_string = restore_or_deserialize
            DatabaseCreation._restores_snapshots = True


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
