"""Demo editors' picks: the pages the most common citizen queries should lead to.

Idempotent: a query that already has picks is left as the editors set it."""

import json
from pathlib import Path

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

PICKS_FILE = Path(__file__).resolve().parent / "data" / "picks.json"


def load(loader) -> int:
    created = 0
    picks = json.loads(PICKS_FILE.read_text(encoding="utf-8"))
    for pick in picks:
        query = Query.get(pick["query"])
        if query.editors_picks.exists():
            continue
        page = (
            Page.objects.descendant_of(loader.home)
            .filter(slug=pick["slug"], locale=loader.es)
            .first()
        )
        if page is None:
            continue
        SearchPromotion.objects.create(query=query, page=page, sort_order=0)
        created += 1
    return created
