"""How `make test` deals the suite out to its processes ("lanes"), and how the deal's
weights are measured.

scripts/run_tests.py starts one process per lane and tells each the engine of every
lane (TEST_LANES, e.g. ``sqlite,postgres,postgres``) and which one it is (TEST_LANE,
0-based). Every process collects the whole suite and computes the same deal:

- browser and vnu tests run on a SQLite lane (``make run``'s engine);
- ``engine_neutral`` tests (slow, and not about the database) run on any lane;
- every other test runs on a PostgreSQL lane, the production engine.

Whole groups of tests (a module's tests of one kind) are dealt heaviest first, each to
the eligible lane with the least weight so far. A group weighs its module's measured
seconds in ``tests/shard_durations.json`` (in proportion to its share of the module's
tests); a module not measured yet weighs its test count times the median seconds per
test. Without TEST_LANE the process keeps every test.

Refresh the weights after large changes: ``TEST_DURATIONS_OUT=<dir> make test`` makes
``<dir>/shard_durations.json`` (scripts/run_tests.py); copy it over
``tests/shard_durations.json``."""

import json
import os
import statistics
from collections import Counter, defaultdict
from pathlib import Path

import pytest

DURATIONS = Path(__file__).with_name("shard_durations.json")
SQLITE, POSTGRES = "sqlite", "postgres"
#: the kinds of test, and the engines of the lanes that may run them
SQLITE_ONLY, ANY_ENGINE, POSTGRES_ONLY = "sqlite-only", "any-engine", "postgres-only"
ELIGIBLE = {SQLITE_ONLY: {SQLITE}, ANY_ENGINE: {SQLITE, POSTGRES}, POSTGRES_ONLY: {POSTGRES}}


def module_of(nodeid):
    return nodeid.split("::")[0]


def kind_of(keywords):
    """The kind of a test, from its keywords (an item's, or a report's)."""
    if "browser" in keywords or "vnu" in keywords:
        return SQLITE_ONLY
    if "engine_neutral" in keywords:
        return ANY_ENGINE
    return POSTGRES_ONLY


def load_durations(path=DURATIONS):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def group_weights(items, durations):
    """Seconds per (module, kind) group of ``items``: measured where known, else the
    group's test count times the median measured seconds per test."""
    groups = Counter((module_of(item.nodeid), kind_of(item.keywords)) for item in items)
    measured = {group: durations.get(group[0], {}).get(group[1]) for group in groups}
    per_test = [seconds / groups[group] for group, seconds in measured.items() if seconds]
    default = statistics.median(per_test) if per_test else 1.0
    return {group: measured[group] or count * default for group, count in groups.items()}


def deal(weights, lanes):
    """(module, kind) -> lane index: heaviest first, each to the lightest eligible lane."""
    loads, owner = [0.0] * len(lanes), {}
    for group, weight in sorted(weights.items(), key=lambda pair: (-pair[1], pair[0])):
        eligible = [i for i, engine in enumerate(lanes) if engine in ELIGIBLE[group[1]]]
        if not eligible:
            raise pytest.UsageError(f"no lane of {lanes} can run the {group[1]} tests")
        target = min(eligible, key=lambda i: (loads[i], i))
        owner[group] = target
        loads[target] += weight
    return owner


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    lane = os.environ.get("TEST_LANE")
    if not lane:
        return
    lanes = os.environ["TEST_LANES"].split(",")
    owner = deal(group_weights(items, load_durations()), lanes)
    mine = [owner[module_of(item.nodeid), kind_of(item.keywords)] == int(lane) for item in items]
    if not all(mine):
        config.hook.pytest_deselected(items=[i for i, m in zip(items, mine, strict=True) if not m])
        items[:] = [i for i, m in zip(items, mine, strict=True) if m]


class DurationRecorder:
    """Sums the wall time (set-up, call, tear-down) of each module's tests of each kind
    and writes it as JSON. The first test's set-up holds the session's (database, demo)
    and is left out."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.seconds = defaultdict(lambda: defaultdict(float))
        self.first_setup_seen = False

    def pytest_runtest_logreport(self, report):
        if report.when == "setup" and not self.first_setup_seen:
            self.first_setup_seen = True
            return
        self.seconds[module_of(report.nodeid)][kind_of(report.keywords)] += report.duration

    def pytest_sessionfinish(self, session):
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"durations-lane-{os.environ.get('TEST_LANE', 'all')}.json"
        path.write_text(json.dumps(self.seconds, indent=1, sort_keys=True) + "\n")


def pytest_configure(config):
    directory = os.environ.get("TEST_DURATIONS_OUT")
    if directory:
        config.pluginmanager.register(DurationRecorder(directory), "soacha-durations")
