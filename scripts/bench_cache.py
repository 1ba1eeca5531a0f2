"""What the caches buy, a section of `make bench` (issue 16): the home page, a news
page, the news listing and a search, each at 16 and 64 connections, through three
paths on the bench's database:

- ``gunicorn``: gunicorn alone, ``PAGE_CACHE=false`` (every request renders);
- ``page cache``: gunicorn with the in-process page cache (``PAGE_CACHE=true``,
  ``cms.page_cache``; per-worker local memory, as the bench runs without Redis);
- ``varnish``: varnishd with deploy/varnish/default.vcl in front of the first gunicorn.

Python threads cannot send thousands of requests per second, so the load comes from
``wrk`` (Debian's ``wrk``) with a Lua script that prints requests/s and the p50, p95
and p99 latency as JSON. Without wrk the section prints how to install it and is
skipped. The 1-minute load average is recorded before each run (the machine should be
quiet: the figures mean little otherwise). Before each run the page is requested until
it answers 200 (see ``warm``); a run whose warm-up did not is recorded with its status.

Environment: BENCH_SECONDS (per run), BENCH_CACHE=0 skips the section."""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import stack

PAGES = [
    ("Home (es)", "/es/"),
    ("news page", "/es/noticias/actualidad/jornada-de-vacunacion-en-compartir/"),
    ("news listing", "/es/noticias/actualidad/"),
    ("search", "/es/buscar/?q=agua"),
]
CONNECTIONS = (16, 64)
PATHS = ("gunicorn", "page cache", "varnish")
WRK_TIMEOUT = "10s"
LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
    .. '"socket_errors": %d, "non_2xx_3xx": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def wrk_path():
    return shutil.which("wrk")


def run_wrk(port, path, connections, seconds, script):
    threads = max(1, min(os.cpu_count() or 1, connections))
    command = [
        wrk_path(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        WRK_TIMEOUT,
        "-s",
        str(script),
        f"http://{stack.HOST}:{port}{path}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        return {"error": (result.stderr or result.stdout)[-500:]}
    figures = json.loads(lines[-1])
    seconds_run = figures["duration_us"] / 1e6
    return {
        "requests": figures["requests"],
        "requests_per_second": round(figures["requests"] / seconds_run, 1) if seconds_run else 0,
        "p50_ms": round(figures["p50_us"] / 1000, 2),
        "p95_ms": round(figures["p95_us"] / 1000, 2),
        "p99_ms": round(figures["p99_us"] / 1000, 2),
        "errors": figures["socket_errors"] + figures["non_2xx_3xx"],
    }


def warm(port, path, timeout=60):
    """A request, so the first measured one is not a cache's miss; repeated until it
    gets a 200, for up to ``timeout`` seconds. Varnish answers 503 to a miss while its
    health probe (/robots.txt, 2 s timeout) holds gunicorn sick, which the previous
    run's saturation of the same gunicorn can cause; healthy again after two probes."""
    import http.client
    import time

    deadline = time.monotonic() + timeout
    while True:
        conn = http.client.HTTPConnection(stack.HOST, port, timeout=30)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            status, cached = response.status, response.getheader("X-Cache")
        except (OSError, http.client.HTTPException):
            status, cached = None, None
        finally:
            conn.close()
        if status == 200 or time.monotonic() > deadline:
            return status, cached
        time.sleep(1)


def measure(env, workers, seconds):
    """Start the three paths on ``env`` (the bench's server environment, database ready,
    static files collected) and load each page through each; a list of rows."""
    if os.environ.get("BENCH_CACHE") == "0":
        print("\ncache benchmark skipped (BENCH_CACHE=0)")
        return []
    if wrk_path() is None:
        print("\ncache benchmark skipped: needs wrk (apt-get install wrk)")
        return []
    if stack.varnishd_path() is None:
        print("\ncache benchmark skipped: needs varnishd (apt-get install varnish)")
        return []
    processes, rows = [], []
    with tempfile.TemporaryDirectory(prefix="soacha-bench-cache-") as tmp:
        tmp = Path(tmp)
        script = tmp / "report.lua"
        script.write_text(LUA)
        try:
            ports = {}
            for name, page_cache in (("gunicorn", "false"), ("page cache", "true")):
                ports[name] = stack.free_port()
                server_env = {**env, "PAGE_CACHE": page_cache}
                log = tmp / f"gunicorn-{page_cache}.log"
                process = stack.start_gunicorn(server_env, ports[name], workers, log)
                processes.append(process)
                stack.wait_for_http(ports[name], process=process, name=f"gunicorn ({name})")
            ports["varnish"] = stack.free_port()
            varnish = stack.start_varnish(
                ports["gunicorn"], ports["varnish"], tmp, log_path=tmp / "varnishd.log"
            )
            processes.append(varnish)
            stack.wait_for_port(ports["varnish"], process=varnish, name="varnishd")
            for name, path in PAGES:
                for connections in CONNECTIONS:
                    for route in PATHS:
                        status, cached = warm(ports[route], path)
                        print(
                            f"cache bench: {name}, {connections} connections, {route}",
                            flush=True,
                        )
                        load_average = round(os.getloadavg()[0], 2)
                        figures = run_wrk(ports[route], path, connections, seconds, script)
                        rows.append(
                            {
                                "name": name,
                                "path": path,
                                "connections": connections,
                                "route": route,
                                "warm_status": status,
                                "warm_x_cache": cached,
                                "load_average_before": load_average,
                                **figures,
                            }
                        )
        except stack.StackError as error:
            print(f"cache benchmark failed: {error}")
            for log in sorted(tmp.glob("*.log")):
                print(log.read_text(errors="replace")[-2000:])
        finally:
            stack.stop_all(processes)
    return rows


def print_rows(rows, workers, seconds):
    if not rows:
        return
    print(
        f"\ncaches: wrk, {seconds:g} s per run, gunicorn {workers} workers "
        "(req/s, p95 ms, errors; load average before the run)"
    )
    header = f"{'page':<14} {'conns':>5}  " + "  ".join(f"{route:>30}" for route in PATHS)
    print(header)
    print("-" * len(header))
    index = {(r["name"], r["connections"], r["route"]): r for r in rows}
    for name, _path in PAGES:
        for connections in CONNECTIONS:
            cells = []
            for route in PATHS:
                row = index.get((name, connections, route))
                if row is None or "error" in row:
                    cells.append(f"{'error' if row else '-':>30}")
                    continue
                cells.append(
                    f"{row['requests_per_second']:>9} r/s {row['p95_ms']:>8} ms "
                    f"{row['errors']:>3} e ({row['load_average_before']:>4})"
                )
            print(f"{name:<14} {connections:>5}  " + "  ".join(cells))
