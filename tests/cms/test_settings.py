"""Settings come from the environment; production refuses to start half-configured."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from cms.settings.base import database_config

ROOT = Path(__file__).resolve().parents[2]


def run_django(code, settings_module, **env):
    """Run ``code`` in a fresh interpreter with only the given environment."""
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": settings_module,
        **env,
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(tmp_path, **overrides):
    env = {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "www.soacha.gov.co",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


SETUP = "import django; django.setup(); from django.conf import settings; "


def test_production_refuses_to_start_without_secret_key(tmp_path):
    """Without SECRET_KEY the production settings raise ImproperlyConfigured."""
    result = run_django(
        SETUP, "cms.settings.production", **production_env(tmp_path, SECRET_KEY=None)
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_a_weak_secret_key(tmp_path):
    """A short or placeholder key is refused, not silently used."""
    result = run_django(
        SETUP, "cms.settings.production", **production_env(tmp_path, SECRET_KEY="abc")
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    """Without ALLOWED_HOSTS the production settings raise ImproperlyConfigured."""
    result = run_django(
        SETUP, "cms.settings.production", **production_env(tmp_path, ALLOWED_HOSTS=None)
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_deploy_check_passes_with_production_settings(tmp_path):
    """`manage.py check --deploy --fail-level WARNING` is clean in production."""
    code = (
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    )
    result = run_django(code, "cms.settings.production", **production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_environment_configures_database_cache_and_email(tmp_path):
    """DATABASE_URL, REDIS_URL and EMAIL_HOST switch the backends."""
    code = SETUP + (
        "print(settings.DATABASES['default']['ENGINE']); "
        "print(settings.CACHES['default']['BACKEND']); "
        "print(settings.SESSION_ENGINE); print(settings.EMAIL_BACKEND); print(settings.EMAIL_HOST)"
    )
    result = run_django(
        code,
        "cms.settings.production",
        **production_env(
            tmp_path,
            DATABASE_URL="postgres://portal:secret@db.internal:5432/portal",
            REDIS_URL="redis://cache.internal:6379/0",
            EMAIL_HOST="smtp.soacha.gov.co",
        ),
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split()
    assert lines == [
        "django.db.backends.postgresql",
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cached_db",
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.soacha.gov.co",
    ]


def test_production_keeps_database_connections_unless_told(tmp_path):
    """Production reuses a worker's connection (60 s, checked before reuse);
    DB_CONN_MAX_AGE=0 opens one per request; development keeps Django's default."""
    code = SETUP + (
        "print(settings.DATABASES['default']['CONN_MAX_AGE']); "
        "print(settings.DATABASES['default']['CONN_HEALTH_CHECKS'])"
    )
    kept = run_django(code, "cms.settings.production", **production_env(tmp_path))
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.split() == ["60", "True"]
    closed = run_django(
        code, "cms.settings.production", **production_env(tmp_path, DB_CONN_MAX_AGE="0")
    )
    assert closed.returncode == 0, closed.stderr
    assert closed.stdout.split() == ["0", "True"]
    dev = run_django(code, "cms.settings.dev")
    assert dev.returncode == 0, dev.stderr
    assert dev.stdout.split()[0] == "0"


def test_defaults_are_sqlite_locmem_and_console_email(tmp_path):
    """With no environment, dev settings need nothing installed beyond Python."""
    code = SETUP + (
        "print(settings.DATABASES['default']['ENGINE']); "
        "print(settings.CACHES['default']['BACKEND']); print(settings.EMAIL_BACKEND)"
    )
    result = run_django(code, "cms.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.mail.backends.console.EmailBackend",
    ]


def test_sqlite_is_configured_for_concurrent_writers():
    """SQLite uses IMMEDIATE transactions, a busy timeout and WAL."""
    config = database_config("sqlite:////tmp/example.sqlite3")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] >= 10
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_postgres_url_has_no_sqlite_options():
    """PostgreSQL URLs go to psycopg without SQLite-only options."""
    config = database_config("postgres://u:p@localhost:5432/soacha")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert "transaction_mode" not in config.get("OPTIONS", {})


def test_sqlite_concurrent_writers_do_not_lock(tmp_path):
    """Eight threads writing at once to a file SQLite never see "database is locked"."""
    code = """
import threading, django
django.setup()
from django.core.management import call_command
from django.db import connection, transaction
call_command("migrate", "cms", verbosity=0)
from django.contrib.auth.models import Group
errors = []
def work(n):
    try:
        for i in range(15):
            with transaction.atomic():
                Group.objects.create(name=f"g-{n}-{i}")
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()
threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
print(len(errors), Group.objects.filter(name__startswith="g-").count())
print(errors[:3])
"""
    result = run_django(
        code, "cms.settings.dev", DATABASE_URL=f"sqlite:///{tmp_path / 'concurrency.sqlite3'}"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "0 120", result.stdout


TASKS_PRINT = SETUP + "print(settings.TASKS['default']['BACKEND'])"


def test_tasks_backend_defaults(tmp_path):
    """Production queues tasks in the database for db_worker; development runs them at once."""
    production = run_django(TASKS_PRINT, "cms.settings.production", **production_env(tmp_path))
    assert production.stdout.strip() == "django_tasks_db.DatabaseBackend", production.stderr
    dev = run_django(TASKS_PRINT, "cms.settings.dev")
    assert dev.stdout.strip() == "django_tasks.backends.immediate.ImmediateBackend", dev.stderr
    chosen = run_django(
        TASKS_PRINT,
        "cms.settings.production",
        **production_env(tmp_path, TASKS_BACKEND="immediate"),
    )
    assert chosen.stdout.strip() == "django_tasks.backends.immediate.ImmediateBackend"


def test_unknown_tasks_backend_is_refused(tmp_path):
    result = run_django(
        SETUP, "cms.settings.production", **production_env(tmp_path, TASKS_BACKEND="redis")
    )
    assert result.returncode != 0
    assert "TASKS_BACKEND must be one of immediate, database" in result.stderr


MEDIA_VIEW = SETUP + (
    "from django.urls import Resolver404, resolve\n"
    "try:\n    print(resolve('/media/images/a.jpg').func.__module__)\n"
    "except Resolver404:\n    print('not found')"
)


def test_uploads_are_served_by_django_only_when_asked(tmp_path):
    """Production leaves /media/ to the web server unless SERVE_MEDIA is set."""
    off = run_django(MEDIA_VIEW, "cms.settings.production", **production_env(tmp_path))
    assert off.returncode == 0, off.stderr
    assert off.stdout.strip() != "django.views.static"
    on = run_django(
        MEDIA_VIEW, "cms.settings.production", **production_env(tmp_path, SERVE_MEDIA="true")
    )
    assert on.returncode == 0, on.stderr
    assert on.stdout.strip() == "django.views.static"
