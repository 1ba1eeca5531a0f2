"""`make test`: the suite on SQLite, then again on PostgreSQL when one answers.

Tests marked ``postgres`` (concurrency, full-text search) are skipped in the SQLite
pass and run in the PostgreSQL pass. With REQUIRE_POSTGRES=1 (set by .ci/run) a
missing PostgreSQL fails the run instead of skipping it; REQUIRE_BROWSER=1 does the
same for Chromium (see tests/conftest.py) and REQUIRE_VNU=1 for the Nu HTML Checker
(tests/cms/test_html_validity.py). Browser and vnu tests run in the SQLite pass only."""

import os
import subprocess
import sys

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


def pytest(args, env):
    command = [sys.executable, "-m", "pytest", *args]
    print("$", " ".join(command), flush=True)
    return subprocess.call(command, cwd=ROOT, env=env)


def main():
    extra = sys.argv[1:]
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.pop("TEST_DATABASE_URL", None)

    print("== SQLite pass ==", flush=True)
    status = pytest(extra, env)

    pg_url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_PG_URL
    required = os.environ.get("REQUIRE_POSTGRES") == "1"
    if postgres_answers(pg_url):
        print("== PostgreSQL pass ==", flush=True)
        pg_env = dict(env, TEST_DATABASE_URL=pg_url)
        pg_status = pytest(["-m", "not browser and not vnu", *extra], pg_env)
        if pg_status == 5:  # no tests selected: nothing failed
            pg_status = 0
        status = status or pg_status
    elif required:
        print("REQUIRE_POSTGRES=1 but PostgreSQL does not answer: failing.", flush=True)
        status = status or 1
    else:
        print(
            "SKIPPED: PostgreSQL pass (no server answered at "
            f"{pg_url}; set TEST_DATABASE_URL to run the concurrency and search tests).",
            flush=True,
        )
    sys.exit(status)


if __name__ == "__main__":
    main()
