"""The two-month periods of the bimonthly report (Decreto 387, Artículo 8)."""

import datetime

import pytest

from gel.periods import Period

D = datetime.date


@pytest.mark.parametrize(
    ("day", "start", "end"),
    [
        (D(2026, 1, 1), D(2026, 1, 1), D(2026, 2, 28)),
        (D(2026, 2, 28), D(2026, 1, 1), D(2026, 2, 28)),
        (D(2028, 2, 29), D(2028, 1, 1), D(2028, 2, 29)),
        (D(2026, 3, 1), D(2026, 3, 1), D(2026, 4, 30)),
        (D(2026, 9, 15), D(2026, 9, 1), D(2026, 10, 31)),
        (D(2026, 10, 31), D(2026, 9, 1), D(2026, 10, 31)),
        (D(2026, 11, 1), D(2026, 11, 1), D(2026, 12, 31)),
        (D(2026, 12, 31), D(2026, 11, 1), D(2026, 12, 31)),
    ],
)
def test_the_period_containing_a_day(day, start, end):
    period = Period.containing(day)
    assert (period.start, period.end) == (start, end)
    assert day in period
    assert period.start - datetime.timedelta(days=1) not in period
    assert period.end + datetime.timedelta(days=1) not in period


def test_previous_crosses_the_year_from_january_to_november():
    assert Period.containing(D(2027, 1, 10)).previous() == Period(D(2026, 11, 1), D(2026, 12, 31))
    assert Period(D(2026, 11, 1), D(2026, 12, 31)).next() == Period(D(2027, 1, 1), D(2027, 2, 28))


def test_six_periods_cover_the_year_without_gap():
    period, seen = Period.containing(D(2026, 1, 1)), []
    while period.start.year == 2026:
        seen.append(period)
        assert period.next().start == period.end + datetime.timedelta(days=1)
        assert period.next().previous() == period
        period = period.next()
    assert len(seen) == 6
    assert [p.label for p in seen] == [
        "2026-01-02",
        "2026-03-04",
        "2026-05-06",
        "2026-07-08",
        "2026-09-10",
        "2026-11-12",
    ]


def test_the_last_complete_period_and_the_month_argument():
    assert Period.last_complete(D(2026, 12, 7)) == Period(D(2026, 9, 1), D(2026, 10, 31))
    assert Period.last_complete(D(2027, 1, 1)) == Period(D(2026, 11, 1), D(2026, 12, 31))
    assert Period.parse("2026-10") == Period(D(2026, 9, 1), D(2026, 10, 31))
    for junk in ("2026", "2026-13", "septiembre", "2026-00", ""):
        with pytest.raises(ValueError):
            Period.parse(junk)
