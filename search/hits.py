"""The query log behind the admin's search reports, written in batches.

Every search adds one hit to Wagtail's daily hits of its query (and to the "without
results" log when it found nothing). Writing that row on every request put an UPDATE
and its commit (a disk flush) on the search's path, and concurrent searches for the
same words waited for each other's row lock. Hits are now counted in the worker's
memory and written together, one UPDATE per query and day, when
``SEARCH_HITS_FLUSH_SECONDS`` (10) have passed since the last write, when
``MAX_PENDING`` distinct queries wait, or when the worker exits. 0 writes every hit
at once (the tests' setting). At most those seconds of hits are lost if a worker is
killed."""

import atexit
import hashlib
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db.models import F

DEFAULT_FLUSH_SECONDS = 10
#: Distinct (query, day) entries kept before a write whatever the time.
MAX_PENDING = 200
#: How long the id of a logged query string is remembered.
QUERY_ID_SECONDS = 3600

_lock = threading.Lock()
_pending = Counter()  # (normalised query, date, found) -> hits
_last_flush = time.monotonic()


def flush_seconds():
    return getattr(settings, "SEARCH_HITS_FLUSH_SECONDS", DEFAULT_FLUSH_SECONDS)


def add(normalised, date, found):
    """Count one search for ``normalised`` on ``date``; write the batch when due."""
    global _last_flush
    with _lock:
        _pending[normalised, date, bool(found)] += 1
        due = (
            flush_seconds() <= 0
            or len(_pending) >= MAX_PENDING
            or time.monotonic() - _last_flush >= flush_seconds()
        )
    if due:
        flush()


def flush():
    """Write every pending hit (one UPDATE per query and day, plus the empty ones)."""
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not batch:
        return
    totals, empty = Counter(), Counter()
    for (normalised, date, found), hits in batch.items():
        totals[normalised, date] += hits
        if not found:
            empty[normalised, date] += hits
    for (normalised, date), hits in totals.items():
        query_id = _write_hits(normalised, date, hits)
        if empty[normalised, date]:
            _write_empty(query_id, normalised, date, empty[normalised, date])


def _query_id_key(normalised):
    return f"search:query-id:{hashlib.sha256(normalised.encode()).hexdigest()[:40]}"


def _write_hits(normalised, date, hits):
    """Add ``hits`` to the query's daily hits; returns the query's id."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    key = _query_id_key(normalised)
    query_id = cache.get(key)
    counted = query_id and QueryDailyHits.objects.filter(query_id=query_id, date=date).update(
        hits=F("hits") + hits
    )
    if not counted:
        query = Query.get(normalised)
        QueryDailyHits.objects.get_or_create(query=query, date=date)
        QueryDailyHits.objects.filter(query=query, date=date).update(hits=F("hits") + hits)
        query_id = query.pk
        cache.set(key, query_id, QUERY_ID_SECONDS)
    return query_id


def _write_empty(query_id, normalised, date, hits):
    from .models import NoResultDailyHits

    row, _created = NoResultDailyHits.objects.get_or_create(query_id=query_id, date=date)
    NoResultDailyHits.objects.filter(pk=row.pk).update(hits=F("hits") + hits)


def _flush_at_exit():
    try:
        flush()
    except Exception:  # noqa: BLE001, S110 - a worker exiting must not fail on statistics
        pass


atexit.register(_flush_at_exit)
