"""Business-day arithmetic for PQRSD terms (pure functions, no database access).

Business days are Monday to Friday, excluding Colombian public holidays
(``holidays.Colombia``, which applies Ley Emiliani) and the extra closure days an
administrator enters; callers pass those closures in as a set of dates."""

import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from . import terms


@lru_cache(maxsize=64)
def _holidays_for(year):
    return frozenset(holidays.Colombia(years=year).keys())


def is_business_day(day, closures=frozenset()):
    """True on a weekday that is neither a Colombian holiday nor a closure day."""
    return day.weekday() < 5 and day not in _holidays_for(day.year) and day not in closures


def next_business_day(day, closures=frozenset()):
    """The first business day strictly after ``day``."""
    day += datetime.timedelta(days=1)
    while not is_business_day(day, closures):
        day += datetime.timedelta(days=1)
    return day


def add_business_days(day, count, closures=frozenset()):
    """``day`` plus ``count`` business days, counting from the day after."""
    for _ in range(count):
        day = next_business_day(day, closures)
    return day


def business_days_between(start, end, closures=frozenset()):
    """Business days after ``start`` up to and including ``end`` (0 if end <= start)."""
    count, day = 0, start
    while day < end:
        day = next_business_day(day, closures)
        if day <= end:
            count += 1
    return count


def receipt_day(received_at, closures=frozenset(), closes_at=None):
    """The business day the entity is deemed to have received a filing.

    A filing on a non-business day, or at/after office closing time, counts as
    received on the next business day, so its term starts one day later."""
    local = received_at.astimezone(ZoneInfo(terms.TIME_ZONE))
    day = local.date()
    closes_at = closes_at or terms.OFFICE_CLOSES_AT
    if not is_business_day(day, closures) or local.time() >= closes_at:
        day = next_business_day(day, closures)
    return day


def due_date(received_at, petition_type, closures=frozenset(), closes_at=None):
    """Last day to answer: receipt day plus the type's term in business days."""
    start = receipt_day(received_at, closures, closes_at)
    return add_business_days(start, terms.TERMS[petition_type], closures)


def extension_limit(received_at, petition_type, closures=frozenset()):
    """Latest due date an extension may set (2x the base term by default)."""
    start = receipt_day(received_at, closures)
    days = terms.TERMS[petition_type] * terms.EXTENSION_CAP_FACTOR
    return add_business_days(start, days, closures)
