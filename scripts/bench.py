"""`make bench`: load benchmark against a real gunicorn server on 127.0.0.1.

The server runs ``cms.settings.production`` (DEBUG off, whitenoise manifest storage)
over plain HTTP with 2 workers, on its own database: a fresh SQLite file in a temporary
folder, or the PostgreSQL in BENCH_DATABASE_URL (created when missing, kept between
runs). The database is migrated and seeded with ``load_demo_content`` first, then with
each app's own bench data: every ``<app>/management/commands/seed_bench_*.py`` command
is run, in name order, so an app that needs more than the demo (e.g. participation's
``seed_bench_debates``: debates with exactly 30 and 300 comments) declares it there and
the citizen-facing demo stays as it is. A seed command must be idempotent (a kept
PostgreSQL bench database is seeded again on every run).

For every entry in ENTRIES it prints, and writes to ``bench-results.json``: requests/s,
p50/p95 latency, errors (non-2xx/3xx or broken connections), the SQL queries of one
uncached render (Django test client, in a subprocess with the same settings and
database) and the peak RSS of a gunicorn worker under that load.

Environment: BENCH_SECONDS (5 per URL), BENCH_CONCURRENCY (8 client threads),
BENCH_MAX_REQUESTS (cap per URL, 20000), BENCH_DATABASE_URL. Other variables reach the
server unchanged (e.g. DB_CONN_MAX_AGE, RATELIMIT_ENABLE), except REDIS_URL: the bench
uses the per-worker local-memory cache so it never touches a shared Redis.

Then the caches' section (scripts/bench_cache.py): home, a news page, the news listing
and a search at 16 and 64 connections through gunicorn alone, gunicorn with the
in-process page cache and Varnish in front, loaded by ``wrk`` (skipped without it);
written under ``cache`` in bench-results.json.

BENCH_SECTIONS (``pages,usage,cache``, all by default) names the sections to run, e.g.
``BENCH_SECTIONS=usage make bench`` for the usage statistics' cost alone.

It measures only: the exit status is 0 unless the server could not be set up or start.
"""

import http.client
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import bench_cache
import bench_usage
import stack

# The URLs under load, in order. An entry may name the ``expect``ed status (e.g. 404 for
# a tracking lookup with a wrong code); others count any non-2xx/3xx as an error.
# An entry with a ``user`` (an e-mail address a seed command created) is requested signed
# in as that user: the query count's client signs in, and its session cookie is sent
# with every request of the load.
# POST entries send ``data`` form-encoded with a CSRF
# cookie and matching X-CSRFToken header (Django accepts any well-formed secret).
ROOT = Path(__file__).resolve().parent.parent
ENTRIES = [
    {"name": "Home (es)", "method": "GET", "path": "/es/"},
    {"name": "Home (en)", "method": "GET", "path": "/en/"},
]
# Each app adds its own URLs in ``<app>/bench.json`` (a list of entries like the above).
for _app_entries in sorted(ROOT.glob("*/bench.json")):
    ENTRIES += json.loads(_app_entries.read_text(encoding="utf-8"))
RESULTS_FILE = ROOT / "bench-results.json"
HOST = "127.0.0.1"
#: sent by the load and by the query count's client alike (not a crawler's: the usage
#: beacon counts it)
USER_AGENT = "portal-soacha-bench"
WORKERS = 2
WORKER_CLASS = "sync"
SECONDS = float(os.environ.get("BENCH_SECONDS") or 5)
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY") or 8)
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS") or 20000)
WARMUP_REQUESTS = 10
START_TIMEOUT = 60
REQUEST_TIMEOUT = 30
SECTIONS = {
    name.strip()
    for name in (os.environ.get("BENCH_SECTIONS") or "pages,usage,cache").split(",")
    if name.strip()
}


# Server environment and setup ---------------------------------------------------------


def database_vendor(url):
    return "sqlite" if url.startswith("sqlite:") else "postgresql"


def server_env(database_url, media_root):
    """The production settings over plain HTTP (stack.production_env), on ``database_url``
    with the demo allowed, one client address and no Redis."""
    base = dict(os.environ)
    base.pop("REDIS_URL", None)
    # One client address sends every request: per-IP rate limits would turn the load
    # test into a 429 test. RATELIMIT_ENABLE=true in the environment measures them.
    base.setdefault("RATELIMIT_ENABLE", "false")
    # The figures are the application's own: the in-process page cache (cms.page_cache)
    # is off unless PAGE_CACHE=true asks to measure it.
    base.setdefault("PAGE_CACHE", "false")
    return stack.production_env(
        base,
        DATABASE_URL=database_url,
        MEDIA_ROOT=media_root,
        SECRET_KEY=stack.new_secret_key(),
        ALLOWED_HOSTS=f"{HOST},localhost",
        DEMO_CONTENT_ALLOWED="1",
    )


def bench_seed_commands():
    """The apps' ``seed_bench_*`` management commands (see the module docstring)."""
    return sorted(path.stem for path in ROOT.glob("*/management/commands/seed_bench_*.py"))


def manage(env, *args):
    """stack.manage, printing the command and its time."""
    print("$ manage.py", " ".join(args), end="", flush=True)
    begin = time.monotonic()
    stack.manage(env, *args)
    print(f"  ({time.monotonic() - begin:.1f} s)")


def subscription_enqueue(env):
    """subscriptions' enqueue timings for 0 to 10,000 subscribers (a list of dicts)."""
    command = [sys.executable, "manage.py", "bench_subscription_enqueue"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise stack.StackError(
            f"bench_subscription_enqueue failed:\n{result.stdout}{result.stderr}"
        )
    return json.loads(result.stdout.strip().splitlines()[-1])


def count_queries(env):
    """Run this script with --count-queries under ``env`` and return its JSON answer."""
    command = [sys.executable, __file__, "--count-queries"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise stack.StackError(f"counting queries failed:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def count_queries_in_process():
    """The --count-queries mode: one render per entry after a warm-up and a cache clear,
    so the count is what a warm worker does on a cache miss."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def new_client():
        return Client(raise_request_exception=False, HTTP_HOST=HOST, HTTP_USER_AGENT=USER_AGENT)

    anonymous = new_client()
    counts = []
    for entry in ENTRIES:
        client, session = anonymous, None
        if entry.get("user"):
            client = new_client()
            client.force_login(get_user_model().objects.get(email__iexact=entry["user"]))
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
        method = getattr(client, entry.get("method", "GET").lower())
        method(entry["path"], entry.get("data"))
        if entry.get("method", "GET").upper() == "POST" and not entry.get("user"):
            # A fresh visitor, as in the load: the warm-up's cookies would turn a second
            # survey answer into "already answered" (409), a cheaper path.
            client = Client(raise_request_exception=False, HTTP_HOST=HOST)
            method = client.post
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = method(entry["path"], entry.get("data"))
        counts.append({"queries": len(queries), "status": response.status_code, "session": session})
    print(json.dumps(counts))


# gunicorn -----------------------------------------------------------------------------


def start_gunicorn(env, port, log_path):
    """stack.start_gunicorn with the bench's worker count and class."""
    return stack.start_gunicorn(env, port, WORKERS, log_path=log_path, worker_class=WORKER_CLASS)


def wait_until_ready(process, port, path):
    """Until ``path`` answers and every worker has started (peak RSS reads them all)."""
    stack.wait_for_http(port, path, process=process, name="gunicorn", timeout=START_TIMEOUT)
    deadline = time.monotonic() + START_TIMEOUT
    while len(worker_pids(process.pid)) < WORKERS:
        if time.monotonic() > deadline:
            raise stack.StackError(f"gunicorn did not start {WORKERS} workers")
        time.sleep(0.2)


def proc_status(pid):
    """The fields of /proc/<pid>/status as a dict, or {} if the process is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    return dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)


def worker_pids(master_pid):
    pids = []
    for name in os.listdir("/proc"):
        if name.isdigit() and proc_status(name).get("PPid", "").strip() == str(master_pid):
            pids.append(int(name))
    return pids


def reset_peak_rss(pids):
    """Reset VmHWM to the current RSS (Linux clear_refs 5); False if not allowed."""
    try:
        for pid in pids:
            Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_rss_mb(pids):
    peaks = [int(proc_status(pid).get("VmHWM", "0 kB").split()[0]) for pid in pids]
    return round(max(peaks, default=0) / 1024, 1)


# Load generator -----------------------------------------------------------------------


def request_parts(entry):
    """Method, path, body and headers of one request for ``entry``."""
    method = entry.get("method", "GET").upper()
    headers = {"User-Agent": USER_AGENT}
    body = None
    if method == "POST":
        body = urlencode(entry.get("data", {}), doseq=True)
        token = secrets.token_hex(16)
        headers.update(
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={token}",
                "X-CSRFToken": token,
            }
        )
    if entry.get("session"):
        cookie = f"sessionid={entry['session']}"
        headers["Cookie"] = f"{headers['Cookie']}; {cookie}" if "Cookie" in headers else cookie
    return method, entry["path"], body, headers


class Load:
    """Shared state of one URL's run: the request budget and the merged results."""

    def __init__(self, max_requests):
        self.lock = threading.Lock()
        self.remaining = max_requests
        self.latencies = []
        self.statuses = Counter()
        self.errors = 0
        self.started = self.deadline = 0.0

    def start_clock(self, seconds):
        self.started = time.perf_counter()
        self.deadline = self.started + seconds

    def take(self):
        with self.lock:
            if self.remaining <= 0:
                return False
            self.remaining -= 1
            return True

    def merge(self, latencies, statuses, errors):
        with self.lock:
            self.latencies.extend(latencies)
            self.statuses.update(statuses)
            self.errors += errors


def client_thread(port, entry, load, barrier):
    method, path, body, headers = request_parts(entry)
    expected = entry.get("expect")  # a status the entry means to get, e.g. 404
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    latencies, statuses, errors = [], Counter(), 0
    barrier.wait()
    while time.perf_counter() < load.deadline and load.take():
        begin = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            errors += 1
            statuses["connection error"] += 1
            conn.close()
            continue
        latencies.append(time.perf_counter() - begin)
        statuses[str(response.status)] += 1
        if response.status != expected and not (expected is None and 200 <= response.status < 400):
            errors += 1
    conn.close()
    load.merge(latencies, statuses, errors)


def run_load(port, entry, seconds, concurrency, max_requests):
    """Hit one entry from ``concurrency`` keep-alive connections for ``seconds``
    (sync workers close every connection; http.client then reconnects)."""
    load = Load(max_requests)
    barrier = threading.Barrier(concurrency, action=lambda: load.start_clock(seconds))
    threads = [
        threading.Thread(target=client_thread, args=(port, entry, load, barrier), daemon=True)
        for _ in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - load.started
    return load, elapsed


def percentile_ms(sorted_values, fraction):
    if not sorted_values:
        return None
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return round(sorted_values[index] * 1000, 1)


def bench_entry(port, master_pid, entry):
    run_load(port, entry, seconds=SECONDS, concurrency=1, max_requests=WARMUP_REQUESTS)
    pids = worker_pids(master_pid)
    per_url_peak = reset_peak_rss(pids)
    load, elapsed = run_load(port, entry, SECONDS, CONCURRENCY, MAX_REQUESTS)
    latencies = sorted(load.latencies)
    return {
        "name": entry["name"],
        "method": entry.get("method", "GET").upper(),
        "path": entry["path"],
        "expect": entry.get("expect"),
        "requests": len(latencies),
        "seconds": round(elapsed, 2),
        "requests_per_second": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": percentile_ms(latencies, 0.50),
        "p95_ms": percentile_ms(latencies, 0.95),
        "errors": load.errors,
        "statuses": dict(sorted(load.statuses.items())),
        "peak_rss_mb": peak_rss_mb(worker_pids(master_pid)),
        "peak_rss_scope": "this URL" if per_url_peak else "since worker start",
    }


# Output -------------------------------------------------------------------------------

COLUMNS = [
    ("name", "URL", "<"),
    ("method", "method", "<"),
    ("path", "path", "<"),
    ("requests", "requests", ">"),
    ("requests_per_second", "req/s", ">"),
    ("p50_ms", "p50 ms", ">"),
    ("p95_ms", "p95 ms", ">"),
    ("errors", "errors", ">"),
    ("queries", "queries", ">"),
    ("peak_rss_mb", "worker RSS MB", ">"),
]


def print_table(metadata, results):
    print()
    print(
        f"Portal Soacha bench, {metadata['date']}: {metadata['database']}, gunicorn "
        f"{metadata['workers']} workers, concurrency {metadata['concurrency']}, "
        f"{metadata['seconds_per_url']:g} s per URL, {metadata['cpu_count']} CPUs "
        f"(load average before {metadata['load_average_before'][0]})"
    )
    rows = [[str(r.get(key, "")) for key, _, _ in COLUMNS] for r in results]
    widths = [
        max(len(title), *(len(row[i]) for row in rows)) for i, (_, title, _) in enumerate(COLUMNS)
    ]
    line = "  ".join(
        f"{title:{align}{w}}" for (_, title, align), w in zip(COLUMNS, widths, strict=True)
    )
    print(line)
    print("-" * len(line))
    for row in rows:
        print(
            "  ".join(f"{v:{a}{w}}" for v, (_, _, a), w in zip(row, COLUMNS, widths, strict=True))
        )
    for result in results:
        expected = result.get("expect")
        query_status = result.get("query_status", 200)
        if result["errors"] or (query_status >= 400 and query_status != expected):
            print(
                f"! {result['name']}: statuses {result['statuses']}, "
                f"test-client status {result.get('query_status')}"
            )


def versions():
    from importlib.metadata import version

    return {name: version(name) for name in ("django", "wagtail", "gunicorn")}


def git_commit():
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout.strip() or None


def measure_usage_overhead(env, port_on, tmp):
    """Start a second server with usage counting off and compare the pages' latency
    (scripts/bench_usage.py). Returns that server, for the caller to stop, and the rows."""
    port_off = stack.free_port()
    process_off = start_gunicorn({**env, "USAGE_COUNTING": "false"}, port_off, tmp / "off.log")
    wait_until_ready(process_off, port_off, ENTRIES[0]["path"])
    rows = bench_usage.measure(HOST, port_on, port_off, SECONDS, CONCURRENCY, USER_AGENT)
    return process_off, rows


def exit_on_sigterm(signum, frame):
    """Turn SIGTERM into SystemExit so ``finally`` still stops gunicorn."""
    sys.exit(128 + signum)


def main():
    signal.signal(signal.SIGTERM, exit_on_sigterm)
    started = time.monotonic()
    date = datetime.now(UTC).isoformat(timespec="seconds")
    load_average = [round(value, 2) for value in os.getloadavg()]
    database_url = os.environ.get("BENCH_DATABASE_URL", "").strip()
    with tempfile.TemporaryDirectory(prefix="soacha-bench-") as tmp:
        tmp = Path(tmp)
        log_path = tmp / "gunicorn.log"
        process = process_off = None
        usage_overhead = []
        cache_rows = []
        try:
            if database_url:
                name = stack.ensure_database(database_url)
                media_root = Path(tempfile.gettempdir()) / f"soacha-bench-media-{name}"
            else:
                database_url = f"sqlite:///{tmp / 'bench.sqlite3'}"
                media_root = tmp / "media"
            env = server_env(database_url, media_root)
            manage(env, "migrate", "--noinput")
            manage(env, "load_demo_content")
            for command in bench_seed_commands():
                manage(env, command)
            manage(env, "collectstatic", "--noinput", "--verbosity", "0")
            enqueue = subscription_enqueue(env) if "pages" in SECTIONS else []
            query_counts = []
            if "pages" in SECTIONS:
                print("counting queries of one uncached render per URL", flush=True)
                query_counts = count_queries(env)
            port = stack.free_port()
            process = start_gunicorn(env, port, log_path)
            wait_until_ready(process, port, ENTRIES[0]["path"])
            results = []
            measured = ENTRIES if "pages" in SECTIONS else []
            for entry, counted in zip(measured, query_counts, strict=True):
                if counted.get("session"):
                    entry = {**entry, "session": counted["session"]}
                print(f"loading {entry['name']} ({entry['path']})", flush=True)
                result = bench_entry(port, process.pid, entry)
                result["queries"] = counted["queries"]
                result["query_status"] = counted["status"]
                results.append(result)
            if "usage" in SECTIONS:
                process_off, usage_overhead = measure_usage_overhead(env, port, tmp)
            server_errors = any(
                not status.isdigit() or int(status) >= 500
                for result in results
                for status in result["statuses"]
            )
            log_tail = log_path.read_text(errors="replace")[-3000:] if server_errors else ""
            # The caches' section starts its own servers: these two stop first.
            stack.stop(process)
            stack.stop(process_off)
            process = process_off = None
            if "cache" in SECTIONS:
                cache_rows = bench_cache.measure(env, WORKERS, SECONDS)
        except stack.StackError as error:
            print(f"bench: {error}", file=sys.stderr)
            if log_path.exists():
                print(log_path.read_text(errors="replace")[-3000:], file=sys.stderr)
            return 1
        finally:
            stack.stop(process)
            stack.stop(process_off)

    metadata = {
        "date": date,
        "database": database_vendor(database_url),
        "concurrency": CONCURRENCY,
        "seconds_per_url": SECONDS,
        "max_requests_per_url": MAX_REQUESTS,
        "workers": WORKERS,
        "worker_class": WORKER_CLASS,
        "db_conn_max_age": int(os.environ.get("DB_CONN_MAX_AGE") or 60),
        "cpu_count": os.cpu_count(),
        "load_average_before": load_average,
        "python": platform.python_version(),
        **versions(),
        "commit": git_commit(),
        "total_seconds": round(time.monotonic() - started, 1),
        "subscription_enqueue": enqueue,
    }
    if results:
        print_table(metadata, results)
    if enqueue:
        print("\nenqueue of a news notification (one fan-out task; the worker finds subscribers):")
    for row in enqueue:
        print(
            f"  {row['subscribers']:>6} subscribers: {row['publish_and_enqueue_ms']} ms"
            f" (median {row['median_ms']} ms), "
            f"{row['tasks_enqueued_per_publication']:g} task(s) per publication"
        )
    if usage_overhead:
        bench_usage.print_rows(usage_overhead, load_average[0])
    bench_cache.print_rows(cache_rows, WORKERS, SECONDS)
    if log_tail:
        print(f"\nserver errors; end of the gunicorn log:\n{log_tail}")
    RESULTS_FILE.write_text(
        json.dumps(
            {
                "metadata": metadata,
                "results": results,
                "usage_overhead": usage_overhead,
                "cache": cache_rows,
            },
            indent=2,
        )
    )
    print(f"\nwrote {RESULTS_FILE.name} ({metadata['total_seconds']} s in all)")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--count-queries"]:
        count_queries_in_process()
    else:
        sys.exit(main())
