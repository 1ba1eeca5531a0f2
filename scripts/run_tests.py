"""`make test`: the suite on SQLite and, at the same time, on PostgreSQL when one answers.

The two passes run side by side, one per core, and share nothing (an in-memory SQLite
database against a PostgreSQL test database, separate media folders and Redis
databases). What runs where:

- the PostgreSQL pass (the production engine): the whole suite except the browser and
  vnu tests and the ``engine_neutral`` ones; it alone runs the ``postgres`` tests
  (concurrency, full-text search, Varnish in front of a real gunicorn);
- the SQLite pass (`make run`'s engine): the whole suite except the ``postgres`` tests,
  including the browser (Chromium) and vnu (Nu HTML Checker) tests and the
  ``engine_neutral`` ones (slow tests whose subject is not the database: the fuzz, the
  crawls of every page for headers, the role matrices), which thus run once.

With REQUIRE_POSTGRES=1 (set by .ci/run) a missing PostgreSQL fails the run instead of
skipping it; REQUIRE_BROWSER=1 does the same for Chromium (see tests/conftest.py),
REQUIRE_VNU=1 for the Nu HTML Checker (tests/cms/test_html_validity.py) and
REQUIRE_VARNISH=1 for varnishd. Without PostgreSQL the SQLite pass runs everything it
can."""

import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/portal_soacha"


def postgres_answers(url):
    try:
        import dj_database_url
        import psycopg

        cfg = dj_database_url.parse(url)
        with psycopg.connect(
            host=cfg["HOST"] or None,
            port=cfg["PORT"] or None,
            user=cfg["USER"] or None,
            password=cfg["PASSWORD"] or None,
            dbname="postgres",
            connect_timeout=3,
        ):
            return True
    except Exception as error:  # noqa: BLE001 - any failure means "not available"
        print(f"PostgreSQL at {url} does not answer: {error}")
        return False


def command(args):
    return [sys.executable, "-m", "pytest", *args]


def pytest(args, env):
    print("$", " ".join(command(args)), flush=True)
    return subprocess.call(command(args), cwd=ROOT, env=env)


def other_redis_db(url):
    """The PostgreSQL pass runs beside the SQLite one: give it its own Redis database so
    one pass's cache.clear() never empties the other's keys."""
    base, _, db = url.rpartition("/")
    if db.isdigit():
        return f"{base}/{(int(db) - 1) % 16}"
    return url


def main():
    extra = sys.argv[1:]
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.pop("TEST_DATABASE_URL", None)

    pg_url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_PG_URL
    required = os.environ.get("REQUIRE_POSTGRES") == "1"
    pg_process = pg_log = None
    if postgres_answers(pg_url):
        # The PostgreSQL pass runs in the background on the second core while the
        # SQLite pass runs here (see the module docstring for what runs where).
        pg_env = dict(env, TEST_DATABASE_URL=pg_url)
        redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
        pg_env["TEST_REDIS_URL"] = other_redis_db(redis_url)
        pg_args = [
            "-m",
            "not browser and not vnu and not engine_neutral",
            "-p",
            "no:cacheprovider",
            *extra,
        ]
        pg_log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - read back after the pass
            "w+", prefix="soacha-postgres-pass-", suffix=".log", delete=False
        )
        print("== PostgreSQL pass (in the background) ==", flush=True)
        print("$", " ".join(command(pg_args)), flush=True)
        pg_process = subprocess.Popen(
            command(pg_args), cwd=ROOT, env=pg_env, stdout=pg_log, stderr=subprocess.STDOUT
        )
    elif required:
        print("REQUIRE_POSTGRES=1 but PostgreSQL does not answer: failing.", flush=True)
    else:
        print(
            "SKIPPED: PostgreSQL pass (no server answered at "
            f"{pg_url}; set TEST_DATABASE_URL to run the concurrency and search tests).",
            flush=True,
        )

    print("== SQLite pass ==", flush=True)
    status = pytest(extra, env)

    if pg_process is not None:
        pg_status = pg_process.wait()
        pg_log.seek(0)
        print("== PostgreSQL pass (output) ==", flush=True)
        sys.stdout.write(pg_log.read())
        pg_log.close()
        os.unlink(pg_log.name)
        if pg_status == 5:  # no tests selected: nothing failed
            pg_status = 0
        status = status or pg_status
    elif required:
        status = status or 1
    sys.exit(status)


if __name__ == "__main__":
    main()
