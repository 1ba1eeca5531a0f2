"""`make test`: the suite on PostgreSQL and SQLite at once, when a PostgreSQL answers.

Three processes ("lanes") share the machine's cores and nothing else (two PostgreSQL
test databases and an in-memory SQLite one, separate media folders and Redis
databases), and tests/sharding.py deals the suite out to them by measured weight:

- the PostgreSQL lanes (the production engine) run every test except the browser and
  vnu tests, including the ``postgres`` ones (concurrency, full-text search, Varnish in
  front of a real gunicorn);
- the SQLite lane (`make run`'s engine) runs migrations and the demo on SQLite, the
  browser (Chromium) and vnu (Nu HTML Checker) tests, which drive every page type and
  the citizens' journeys through it;
- the ``engine_neutral`` tests (slow, and not about the database: the fuzz of every URL
  and form, the crawls of every page for headers, the role matrices) go to whichever
  lane is lightest.

Each test thus runs once; CI has 30 minutes on 2 cores. Without PostgreSQL one SQLite
process runs every test it can (the ``postgres`` ones are skipped).

With REQUIRE_POSTGRES=1 (set by .ci/run) a missing PostgreSQL fails the run instead of
skipping it; REQUIRE_BROWSER=1 does the same for Chromium (see tests/conftest.py),
REQUIRE_VNU=1 for the Nu HTML Checker (tests/cms/test_html_validity.py) and
REQUIRE_VARNISH=1 for varnishd.

With TEST_DURATIONS_OUT=<dir> each lane records its tests' seconds there, merged into
<dir>/shard_durations.json: copy it over tests/shard_durations.json to rebalance."""

import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/portal_soacha"
#: The engine of each lane (tests/sharding.py); lane 0 runs in the foreground.
LANES = ("sqlite", "postgres", "postgres")


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


def other_redis_db(url, offset):
    """Each lane gets its own Redis database, so one lane's cache.clear() never empties
    another's keys: the one below ``url``'s by ``offset``."""
    base, _, db = url.rpartition("/")
    if db.isdigit():
        return f"{base}/{(int(db) - offset) % 16}"
    return url


def lane_database_url(url, number):
    """The PostgreSQL URL of the ``number``-th PostgreSQL lane: the first uses ``url``,
    the others ``<name>_<n>`` (pytest-django creates and drops ``test_<name>`` of each)."""
    if number == 1:
        return url
    head, sep, query = url.partition("?")
    return f"{head}_{number}{sep}{query}"


def lane_envs(env, pg_url, redis_url):
    """The environment of each lane."""
    envs, postgres_lanes = [], 0
    for index, engine in enumerate(LANES):
        lane_env = dict(env, TEST_LANES=",".join(LANES), TEST_LANE=str(index))
        lane_env["TEST_REDIS_URL"] = other_redis_db(redis_url, index)
        if engine == "postgres":
            postgres_lanes += 1
            lane_env["TEST_DATABASE_URL"] = lane_database_url(pg_url, postgres_lanes)
        envs.append(lane_env)
    return envs


def start_background_lane(index, lane_env, extra):
    args = ["-p", "no:cacheprovider", *extra]
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - read back after the lane
        "w+", prefix=f"soacha-lane-{index}-", suffix=".log", delete=False
    )
    print(f"== Lane {index} ({LANES[index]}, in the background) ==")
    print(f"$ TEST_LANE={index}", " ".join(command(args)), flush=True)
    process = subprocess.Popen(
        command(args), cwd=ROOT, env=lane_env, stdout=log, stderr=subprocess.STDOUT
    )
    return process, log


def merge_durations(directory):
    """Every lane's seconds per module and kind in one file, for tests/shard_durations.json."""
    merged = {}
    for index in range(len(LANES)):
        path = os.path.join(directory, f"durations-lane-{index}.json")
        if not os.path.exists(path):
            continue
        with open(path) as handle:
            for module, kinds in json.load(handle).items():
                for kind, seconds in kinds.items():
                    merged.setdefault(module, {})[kind] = round(seconds, 1)
    target = os.path.join(directory, "shard_durations.json")
    with open(target, "w") as handle:
        json.dump(merged, handle, indent=1, sort_keys=True)
        handle.write("\n")
    print(f"Seconds per module and kind of test: {target}", flush=True)


def main():
    extra = sys.argv[1:]
    env = dict(os.environ)
    for name in ("DATABASE_URL", "TEST_DATABASE_URL", "TEST_LANE", "TEST_LANES"):
        env.pop(name, None)

    pg_url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_PG_URL
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    required = os.environ.get("REQUIRE_POSTGRES") == "1"
    background = []
    foreground_env = env
    if postgres_answers(pg_url):
        envs = lane_envs(env, pg_url, redis_url)
        foreground_env = envs[0]
        background = [
            start_background_lane(index, envs[index], extra) for index in range(1, len(LANES))
        ]
    elif required:
        print("REQUIRE_POSTGRES=1 but PostgreSQL does not answer: failing.", flush=True)
    else:
        print(
            "SKIPPED: the PostgreSQL lanes (no server answered at "
            f"{pg_url}; set TEST_DATABASE_URL to run the concurrency and search tests). "
            "One SQLite process runs every other test.",
            flush=True,
        )

    print(f"== Lane 0 ({LANES[0]}) ==", flush=True)
    print("$", " ".join(command(extra)), flush=True)
    status = subprocess.call(command(extra), cwd=ROOT, env=foreground_env)

    for index, (process, log) in enumerate(background, start=1):
        lane_status = process.wait()
        log.seek(0)
        print(f"== Lane {index} ({LANES[index]}, output) ==", flush=True)
        sys.stdout.write(log.read())
        log.close()
        os.unlink(log.name)
        if lane_status == 5:  # no tests selected: nothing failed
            lane_status = 0
        status = status or lane_status
    if background and os.environ.get("TEST_DURATIONS_OUT"):
        merge_durations(os.environ["TEST_DURATIONS_OUT"])
    if not background and required:
        status = status or 1
    sys.exit(status)


if __name__ == "__main__":
    main()
