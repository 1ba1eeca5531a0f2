"""How `make test` splits the PostgreSQL pass between processes (TEST_SHARD=k/n, set by
scripts/run_tests.py), and how the split's weights are measured.

Whole test modules are dealt out, heaviest first, to the shard with the least weight,
so every shard computes the same split. A module's weight is its measured seconds in
``tests/shard_durations.json``; a module not measured yet weighs its test count times
the median seconds per test. Refresh the file after large changes with
``TEST_DURATIONS_OUT=<dir>`` on each shard (scripts/run_tests.py --record-durations)."""

import json
import os
import statistics
from collections import Counter, defaultdict
from pathlib import Path

import pytest

DURATIONS = Path(__file__).with_name("shard_durations.json")


def module_of(nodeid):
    return nodeid.split("::")[0]


def load_durations(path=DURATIONS):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def module_weights(items, durations):
    """Seconds per module of ``items``: measured where known, else estimated."""
    counts = Counter(module_of(item.nodeid) for item in items)
    per_test = [
        durations[module] / counts[module]
        for module in counts
        if durations.get(module) and counts[module]
    ]
    default = statistics.median(per_test) if per_test else 1.0
    return {module: durations.get(module) or count * default for module, count in counts.items()}


def deal(weights, count):
    """Module -> shard index (0-based): heaviest first, each to the lightest shard."""
    loads, owner = [0.0] * count, {}
    for module, weight in sorted(weights.items(), key=lambda pair: (-pair[1], pair[0])):
        target = min(range(count), key=lambda i: (loads[i], i))
        owner[module] = target
        loads[target] += weight
    return owner


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    shard = os.environ.get("TEST_SHARD")
    if not shard:
        return
    index, count = (int(part) for part in shard.split("/"))
    owner = deal(module_weights(items, load_durations()), count)
    mine = [owner[module_of(item.nodeid)] == index - 1 for item in items]
    if not all(mine):
        config.hook.pytest_deselected(items=[i for i, m in zip(items, mine, strict=True) if not m])
        items[:] = [i for i, m in zip(items, mine, strict=True) if m]


class DurationRecorder:
    """Sums each module's wall time (set-up, call, tear-down) and writes it as JSON.
    The first test's set-up holds the session's (database, demo) and is left out."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.seconds = defaultdict(float)
        self.first_setup_seen = False

    def pytest_runtest_logreport(self, report):
        if report.when == "setup" and not self.first_setup_seen:
            self.first_setup_seen = True
            return
        self.seconds[module_of(report.nodeid)] += report.duration

    def pytest_sessionfinish(self, session):
        self.directory.mkdir(parents=True, exist_ok=True)
        name = os.environ.get("TEST_SHARD", "all").replace("/", "-of-")
        path = self.directory / f"durations-{name}.json"
        path.write_text(json.dumps(dict(sorted(self.seconds.items())), indent=1) + "\n")


def pytest_configure(config):
    directory = os.environ.get("TEST_DURATIONS_OUT")
    if directory:
        config.pluginmanager.register(DurationRecorder(directory), "soacha-durations")
