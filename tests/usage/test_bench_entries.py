"""usage/bench.json's beacon names the demo's Spanish home page (the id a fresh
database gives it), so `make bench` measures a view that is counted."""

import json
from pathlib import Path

import pytest

from usage.counting import is_countable

pytestmark = pytest.mark.django_db

BENCH = Path(__file__).resolve().parents[2] / "usage" / "bench.json"


def test_the_bench_beacon_counts_the_demo_home_page(demo_site):
    entries = {entry["name"]: entry for entry in json.loads(BENCH.read_text(encoding="utf-8"))}
    page_id = int(entries["usage-beacon"]["data"]["page"])
    assert page_id == demo_site.root_page_id
    assert is_countable(page_id)
