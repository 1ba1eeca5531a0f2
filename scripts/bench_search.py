"""`make bench-search`: p50/p95 latency of the site search on PostgreSQL with 10,000+
pages and documents, against a real gunicorn (2 workers, production settings).

It reuses scripts/bench.py (database creation, server environment, gunicorn start/stop
and the load generator). The database (BENCH_SEARCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/portal_search_bench; never the plain `make bench`
database) is migrated, given the demo content, then seeded ONCE by search/bench_seed.py
with BENCH_SEARCH_PAGES pages (9,000) and BENCH_SEARCH_DOCUMENTS documents (1,500), built
and indexed in bulk; later runs find the seed and only check it. Each query in QUERIES is
then loaded by BENCH_CONCURRENCY (8) clients for BENCH_SECONDS (5) seconds after a
one-client warm-up. The search page without a query is loaded the same way first: that
baseline (header, menus, footer, no search) is shown but left out of the overall. The
script prints p50/p95 per query and overall with the load average, and writes
bench-search-results.json.

BENCH_SEARCH_CACHE=0 runs the server with the search cache off (SEARCH_CACHE_SECONDS=0,
through a settings module in a temporary folder), to measure every search hitting the
database for its own results. The tables every search reads (synonyms, editors' picks,
dependency choices, the titles' words for corrections; search.cache) stay cached, as the
menus do, unless BENCH_SEARCH_TABLES_CACHE=0 turns them off too. ``--if-available``
(used by `make bench`) skips quietly when PostgreSQL does not answer. Rate limiting is
off for the server (all clients share one address)."""

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import stack

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from cms.settings.env import env_bool  # noqa: E402 (the project's root is on the path now)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/portal_search_bench"
PAGES = int(os.environ.get("BENCH_SEARCH_PAGES") or 9000)
DOCUMENTS = int(os.environ.get("BENCH_SEARCH_DOCUMENTS") or 1500)
CACHE = env_bool("BENCH_SEARCH_CACHE", True)
TABLES_CACHE = env_bool("BENCH_SEARCH_TABLES_CACHE", True)
RESULTS_FILE = ROOT / "bench-search-results.json"
TARGET_P95_MS = 150
QUERIES = [
    "tramite licencia construccion",
    "decreto 387",
    "Decreto 387 de 2009",
    "impuesto predial 2026",
    "pqr",
    "licencias",
    "horarios de atención",
    "presupuesto participativo",
]
#: The search page without a query: same templates, no search; what the rest costs.
BASELINE = "(no query: baseline)"
COLD_SETTINGS = "from cms.settings.production import *  # noqa: F403\n"


def load_bench_module():
    spec = importlib.util.spec_from_file_location("portal_bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_in_process():
    """The --seed mode: run search.bench_seed with the server's settings and database."""
    import django

    django.setup()
    from search.bench_seed import seed

    print(json.dumps(seed(PAGES, DOCUMENTS)))


def load_average():
    return [round(value, 2) for value in os.getloadavg()]


def cold_settings(env, folder):
    """Point the server at a settings module that turns the search caches off."""
    text = COLD_SETTINGS
    if not CACHE:
        text += "SEARCH_CACHE_SECONDS = 0\n"
    if not TABLES_CACHE:
        text += "SEARCH_TABLES_CACHE_SECONDS = 0\n"
    (folder / "bench_search_cold_settings.py").write_text(text)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
    env["DJANGO_SETTINGS_MODULE"] = "bench_search_cold_settings"


def measure(bench, port, query):
    path = "/es/buscar/?" + urlencode({"q": query}) if query else "/es/buscar/"
    entry = {"name": query or BASELINE, "method": "GET", "path": path}
    print(f"loading {path}", flush=True)
    bench.run_load(port, entry, bench.SECONDS, 1, bench.WARMUP_REQUESTS)
    load, elapsed = bench.run_load(
        port, entry, bench.SECONDS, bench.CONCURRENCY, bench.MAX_REQUESTS
    )
    latencies = sorted(load.latencies)
    return latencies, {
        "query": query or BASELINE,
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": bench.percentile_ms(latencies, 0.5),
        "p95_ms": bench.percentile_ms(latencies, 0.95),
        "errors": load.errors,
        "statuses": dict(load.statuses),
    }


def main(if_available=False):
    bench = load_bench_module()
    database_url = os.environ.get("BENCH_SEARCH_DATABASE_URL", "").strip() or DEFAULT_URL
    date = datetime.now(UTC).isoformat(timespec="seconds")
    with tempfile.TemporaryDirectory(prefix="soacha-bench-search-") as tmp:
        tmp = Path(tmp)
        log_path = tmp / "gunicorn.log"
        process = None
        try:
            try:
                name = stack.ensure_database(database_url)
            except stack.StackError as error:
                if if_available:
                    print(f"bench-search skipped: {error}")
                    return 0
                raise
            media_root = Path(tempfile.gettempdir()) / f"soacha-bench-media-{name}"
            env = bench.server_env(database_url, media_root)
            env["RATELIMIT_ENABLE"] = "false"
            bench.manage(env, "migrate", "--noinput")
            bench.manage(env, "load_demo_content")
            bench.manage(env, "collectstatic", "--noinput", "--verbosity", "0")
            print(f"seed: {PAGES} pages and {DOCUMENTS} documents (added once)", flush=True)
            begin = time.monotonic()
            seeded = subprocess.run(
                [sys.executable, __file__, "--seed"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            if seeded.returncode != 0:
                raise stack.StackError(f"seeding failed:\n{seeded.stdout}{seeded.stderr}")
            seed = json.loads(seeded.stdout.strip().splitlines()[-1])
            print(f"  {json.dumps(seed)} ({time.monotonic() - begin:.1f} s)")
            if not (CACHE and TABLES_CACHE):
                cold_settings(env, tmp)
            port = stack.free_port()
            process = bench.start_gunicorn(env, port, log_path)
            bench.wait_until_ready(process, port, "/es/buscar/?q=bench")
            load_before = load_average()
            _latencies, baseline = measure(bench, port, "")
            results, all_latencies = [], []
            for query in QUERIES:
                latencies, row = measure(bench, port, query)
                all_latencies.extend(latencies)
                results.append(row)
            load_after = load_average()
        except stack.StackError as error:
            print(f"bench-search: {error}", file=sys.stderr)
            if log_path.exists():
                print(log_path.read_text(errors="replace")[-3000:], file=sys.stderr)
            return 1
        finally:
            stack.stop(process)
    all_latencies.sort()
    overall = {
        "p50_ms": bench.percentile_ms(all_latencies, 0.5),
        "p95_ms": bench.percentile_ms(all_latencies, 0.95),
        "requests": len(all_latencies),
    }
    metadata = {
        "date": date,
        "database": "postgresql",
        "pages": seed["pages"],
        "documents": seed["documents"],
        "search_cache": CACHE,
        "search_tables_cache": TABLES_CACHE,
        "workers": bench.WORKERS,
        "concurrency": bench.CONCURRENCY,
        "seconds_per_query": bench.SECONDS,
        "cpu_count": os.cpu_count(),
        "load_average_before": load_before,
        "load_average_after": load_after,
    }
    print(
        f"\nsearch bench {date}: PostgreSQL, {seed['pages']} seeded pages + "
        f"{seed['documents']} seeded documents, search cache {'on' if CACHE else 'off'}, "
        f"tables cache {'on' if TABLES_CACHE else 'off'},"
    )
    print(
        f"gunicorn {bench.WORKERS} workers, concurrency {bench.CONCURRENCY}, "
        f"{os.cpu_count()} CPUs, load average {load_before} before, {load_after} after"
    )
    for row in [baseline, *results]:
        print(
            f"  {row['query']:<32} {row['requests']:>6} req  {row['requests_per_second']:>7} req/s"
            f"  p50 {row['p50_ms']:>7} ms  p95 {row['p95_ms']:>7} ms  errors {row['errors']}"
        )
    verdict = (
        "under" if overall["p95_ms"] is not None and overall["p95_ms"] < TARGET_P95_MS else "OVER"
    )
    print(
        f"overall p50 {overall['p50_ms']} ms, p95 {overall['p95_ms']} ms "
        f"({verdict} the {TARGET_P95_MS} ms target)"
    )
    RESULTS_FILE.write_text(
        json.dumps(
            {"metadata": metadata, "overall": overall, "baseline": baseline, "results": results},
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--seed"]:
        seed_in_process()
    else:
        sys.exit(main(if_available="--if-available" in sys.argv[1:]))
