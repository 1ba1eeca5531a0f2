"""The usage statistics' cost on page latency, a section of `make bench` (issue 15:
"the page p95 stays within 5 % of the run without them").

Two gunicorn servers on the same database, one with ``USAGE_COUNTING`` on (the portal
as deployed) and one with it off (no beacon attributes, no beacon). Each page is loaded
in three variants, interleaved round by round so that drift in the machine's load
falls on all of them alike:

- ``off``: counting off, the page alone;
- ``off again``: the ``off`` server once more (an A/A comparison): its change from
  ``off`` is the measurement's own noise, the floor under which a change means nothing;
- ``on``: counting on, the page alone (what rendering the beacon attributes costs);
- ``on + beacon``: counting on, and every page view followed by its beacon POST from
  the same client, as a browser sends it (what the extra request and its upsert cost
  the pages served beside them). Only the page's latency is counted.

Environment: BENCH_USAGE_ROUNDS (3 rounds; each variant runs BENCH_SECONDS per round).
"""

import http.client
import os
import re
import threading
import time

PAGES = [
    ("Home (es)", "/es/"),
    ("news page", "/es/noticias/actualidad/jornada-de-vacunacion-en-compartir/"),
]
ROUNDS = int(os.environ.get("BENCH_USAGE_ROUNDS") or 3)
VARIANTS = ("off", "off again", "on", "on + beacon")
TIMEOUT = 30
PAGE_ID = re.compile(r'data-page-id="(\d+)"')


def _get(host, port, path, headers):
    conn = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read().decode(errors="replace")
    finally:
        conn.close()


def _client(host, port, path, beacon_body, headers, deadline, barrier, out):
    conn = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
    beacon_headers = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
    latencies, errors = [], 0
    barrier.wait()
    while time.perf_counter() < deadline[0]:
        begin = time.perf_counter()
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            latencies.append(time.perf_counter() - begin)
            errors += response.status != 200
            if beacon_body:
                conn.request("POST", "/uso/v/", body=beacon_body, headers=beacon_headers)
                beacon = conn.getresponse()
                beacon.read()
                errors += beacon.status != 204
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
    conn.close()
    out.append((latencies, errors))


def _load(host, port, path, beacon_body, headers, seconds, concurrency):
    deadline = [0.0]
    barrier = threading.Barrier(
        concurrency, action=lambda: deadline.__setitem__(0, time.perf_counter() + seconds)
    )
    out = []
    threads = [
        threading.Thread(
            target=_client,
            args=(host, port, path, beacon_body, headers, deadline, barrier, out),
            daemon=True,
        )
        for _ in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [value for latencies, _errors in out for value in latencies], sum(e for _l, e in out)


def _percentile_ms(values, fraction):
    if not values:
        return None
    values = sorted(values)
    index = min(len(values) - 1, max(0, round(fraction * len(values)) - 1))
    return round(values[index] * 1000, 1)


def measure(host, port_on, port_off, seconds, concurrency, user_agent):
    """One row per page: p50/p95, requests/s and errors per variant, and the p95's
    change from ``off``, in percent."""
    headers = {"User-Agent": user_agent}
    rows = []
    for name, path in PAGES:
        status, html = _get(host, port_on, path, headers)
        match = PAGE_ID.search(html)
        if status != 200 or not match:
            rows.append({"name": name, "path": path, "error": f"status {status}, no page id"})
            continue
        beacon_body = f"page={match.group(1)}"
        ports = {"off": port_off, "off again": port_off, "on": port_on, "on + beacon": port_on}
        for variant in VARIANTS:  # warm-up
            _get(host, ports[variant], path, headers)
        samples = {variant: [] for variant in VARIANTS}
        errors = dict.fromkeys(VARIANTS, 0)
        elapsed = dict.fromkeys(VARIANTS, 0.0)
        for round_number in range(ROUNDS):
            shift = round_number % len(VARIANTS)
            for variant in VARIANTS[shift:] + VARIANTS[:shift]:
                print(f"usage overhead: {name}, {variant}, round {round_number + 1}", flush=True)
                body = beacon_body if variant == "on + beacon" else None
                started = time.perf_counter()
                values, failed = _load(
                    host, ports[variant], path, body, headers, seconds, concurrency
                )
                elapsed[variant] += time.perf_counter() - started
                samples[variant] += values
                errors[variant] += failed
        row = {"name": name, "path": path, "rounds": ROUNDS}
        for variant in VARIANTS:
            row[variant] = {
                "pages": len(samples[variant]),
                "pages_per_second": round(len(samples[variant]) / elapsed[variant], 1),
                "p50_ms": _percentile_ms(samples[variant], 0.50),
                "p95_ms": _percentile_ms(samples[variant], 0.95),
                "errors": errors[variant],
            }
        base = row["off"]["p95_ms"]
        for variant in VARIANTS[1:]:
            p95 = row[variant]["p95_ms"]
            row[variant]["p95_change_percent"] = (
                round(100 * (p95 - base) / base, 1) if base and p95 is not None else None
            )
        rows.append(row)
    return rows


def print_rows(rows, load_average):
    print(
        f"\nusage statistics' cost on page latency ({ROUNDS} interleaved rounds per variant; "
        f"load average before {load_average})"
    )
    for row in rows:
        if "error" in row:
            print(f"  {row['name']}: {row['error']}")
            continue
        parts = []
        for variant in VARIANTS:
            figures = row[variant]
            change = figures.get("p95_change_percent")
            change = f", {change:+.1f} % p95" if change is not None else ""
            parts.append(
                f"{variant}: {figures['pages_per_second']} pages/s, p50 {figures['p50_ms']} ms, "
                f"p95 {figures['p95_ms']} ms{change}, {figures['errors']} errors"
            )
        print(f"  {row['name']} ({row['path']})")
        for part in parts:
            print(f"    {part}")
