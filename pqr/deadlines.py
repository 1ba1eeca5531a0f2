"""Business-day arithmetic for PQRSD terms (pure functions, no database access).

Business days are Monday to Friday, excluding Colombian public holidays
(``holidays.Colombia``, which applies Ley Emiliani) and the extra closure days an
administrator enters; callers pass those closures in as a set of dates."""

import calendar
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


def extension_limit(term_started_at, petition_type, closures=frozenset()):
    """Latest due date an extension may set: twice the base term, or the base term
    plus the fixed extra days of the habeas-data types."""
    start = receipt_day(term_started_at, closures)
    base = terms.TERMS[petition_type]
    extra = terms.EXTENSION_DAYS.get(petition_type, base * (terms.EXTENSION_CAP_FACTOR - 1))
    return add_business_days(start, base + extra, closures)


def add_months(day, months):
    """The same day ``months`` calendar months later, or the month's last day when it
    is shorter (a term in months ends on the same day of the month)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def on_or_after_business_day(day, closures=frozenset()):
    """``day`` itself when it is a business day, else the next one (a term that ends on
    a non-business day moves to the next business day)."""
    return day if is_business_day(day, closures) else next_business_day(day, closures)


def months_deadline(start, months, closures=frozenset()):
    """Last day of a term of ``months`` calendar months starting on ``start``."""
    return on_or_after_business_day(add_months(start, months), closures)


def completion_deadline(requested_at, petition_type, closures=frozenset(), extended=False):
    """Last day the petitioner has to complete an incomplete petition (Ley 1755 art. 17:
    one month from the request, once extendable by another month on request)."""
    start = timezone_date(requested_at)
    months = terms.completion_months(petition_type)
    if extended:
        months += terms.completion_extension_months(petition_type)
    return months_deadline(start, months, closures)


def completion_request_limit(term_started_at, petition_type, closures=frozenset()):
    """Last day staff may ask the petitioner to complete the petition."""
    start = receipt_day(term_started_at, closures)
    return add_business_days(start, terms.completion_window(petition_type), closures)


def transfer_is_late(received_at, transferred_at, petition_type, closures=frozenset()):
    """True when the transfer came after the business days the law allows from filing."""
    start = receipt_day(received_at, closures)
    elapsed = business_days_between(start, timezone_date(transferred_at), closures)
    return elapsed > terms.transfer_days(petition_type)


def timezone_date(moment):
    """The Bogotá calendar date of an aware datetime."""
    return moment.astimezone(ZoneInfo(terms.TIME_ZONE)).date()
