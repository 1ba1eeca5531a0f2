"""`make test`: the suite on PostgreSQL and SQLite at once, when a PostgreSQL answers.

Three processes share the machine's cores and nothing else (two PostgreSQL test
databases and an in-memory SQLite one, separate media folders and Redis databases):

- the PostgreSQL pass (the production engine), split in POSTGRES_SHARDS processes by
  test module (TEST_SHARD, tests/conftest.py): every test except the browser and vnu
  tests and the ``engine_neutral`` ones, including the ``postgres`` tests
  (concurrency, full-text search, Varnish in front of a real gunicorn);
- the SQLite pass (`make run`'s engine): migrations and the demo on SQLite, then the
  browser (Chromium) and vnu (Nu HTML Checker) tests, which drive every page type and
  the citizens' journeys through it, and the ``engine_neutral`` tests (slow, and not
  about the database: the fuzz of every URL and form, the crawls of every page for
  headers, the role matrices).

Each test thus runs once; CI has 30 minutes on 2 cores. Without PostgreSQL the SQLite
pass runs every test it can (the ``postgres`` ones are skipped).

With REQUIRE_POSTGRES=1 (set by .ci/run) a missing PostgreSQL fails the run instead of
skipping it; REQUIRE_BROWSER=1 does the same for Chromium (see tests/conftest.py),
REQUIRE_VNU=1 for the Nu HTML Checker (tests/cms/test_html_validity.py) and
REQUIRE_VARNISH=1 for varnishd.

With TEST_DURATIONS_OUT=<dir> each process records its modules' seconds there, and the
shards' figures are merged into <dir>/shard_durations.json: copy it over
tests/shard_durations.json to rebalance the shards (tests/sharding.py)."""

import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/portal_soacha"
#: The PostgreSQL pass is split in this many processes (tests/conftest.py, TEST_SHARD).
POSTGRES_SHARDS = 2


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


def other_redis_db(url, offset):
    """Each pass gets its own Redis database, so one pass's cache.clear() never empties
    another's keys: the one below ``url``'s by ``offset``."""
    base, _, db = url.rpartition("/")
    if db.isdigit():
        return f"{base}/{(int(db) - offset) % 16}"
    return url


def shard_database_url(url, shard):
    """The PostgreSQL URL of a shard: shard 1 uses ``url``, the others ``<name>_<n>``
    (pytest-django creates and drops ``test_<name>`` of each)."""
    if shard == 1:
        return url
    head, sep, query = url.partition("?")
    return f"{head}_{shard}{sep}{query}"


def start_postgres_shard(env, pg_url, redis_url, shard, extra):
    shard_env = dict(
        env,
        TEST_DATABASE_URL=shard_database_url(pg_url, shard),
        TEST_REDIS_URL=other_redis_db(redis_url, shard),
        TEST_SHARD=f"{shard}/{POSTGRES_SHARDS}",
    )
    args = ["-m", "not browser and not vnu and not engine_neutral", "-p", "no:cacheprovider"]
    args += extra
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - read back after the pass
        "w+", prefix=f"soacha-postgres-pass-{shard}-", suffix=".log", delete=False
    )
    print(f"== PostgreSQL pass, shard {shard}/{POSTGRES_SHARDS} (in the background) ==")
    print("$ TEST_SHARD=" + shard_env["TEST_SHARD"], " ".join(command(args)), flush=True)
    process = subprocess.Popen(
        command(args), cwd=ROOT, env=shard_env, stdout=log, stderr=subprocess.STDOUT
    )
    return process, log


def merge_durations(directory):
    """One file of every shard's module seconds, for tests/shard_durations.json."""
    merged = {}
    for shard in range(1, POSTGRES_SHARDS + 1):
        path = os.path.join(directory, f"durations-{shard}-of-{POSTGRES_SHARDS}.json")
        if os.path.exists(path):
            with open(path) as handle:
                merged.update({module: round(s, 1) for module, s in json.load(handle).items()})
    target = os.path.join(directory, "shard_durations.json")
    with open(target, "w") as handle:
        json.dump(dict(sorted(merged.items())), handle, indent=1)
        handle.write("\n")
    print(f"Module durations of the PostgreSQL pass: {target}", flush=True)


def main():
    extra = sys.argv[1:]
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.pop("TEST_DATABASE_URL", None)
    env.pop("TEST_SHARD", None)

    pg_url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_PG_URL
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    required = os.environ.get("REQUIRE_POSTGRES") == "1"
    shards = []
    sqlite_args = list(extra)
    if postgres_answers(pg_url):
        shards = [
            start_postgres_shard(env, pg_url, redis_url, shard, extra)
            for shard in range(1, POSTGRES_SHARDS + 1)
        ]
        sqlite_args = ["-m", "browser or vnu or engine_neutral", *extra]
    elif required:
        print("REQUIRE_POSTGRES=1 but PostgreSQL does not answer: failing.", flush=True)
    else:
        print(
            "SKIPPED: PostgreSQL pass (no server answered at "
            f"{pg_url}; set TEST_DATABASE_URL to run the concurrency and search tests). "
            "The SQLite pass runs every other test.",
            flush=True,
        )

    print("== SQLite pass ==", flush=True)
    status = pytest(sqlite_args, env)

    for shard, (process, log) in enumerate(shards, start=1):
        shard_status = process.wait()
        log.seek(0)
        print(f"== PostgreSQL pass, shard {shard}/{POSTGRES_SHARDS} (output) ==", flush=True)
        sys.stdout.write(log.read())
        log.close()
        os.unlink(log.name)
        if shard_status == 5:  # no tests selected: nothing failed
            shard_status = 0
        status = status or shard_status
    if shards and os.environ.get("TEST_DURATIONS_OUT"):
        merge_durations(os.environ["TEST_DURATIONS_OUT"])
    if not shards and required:
        status = status or 1
    sys.exit(status)


if __name__ == "__main__":
    main()
