"""Business-day calculator (standards.md §6 and acceptance criteria 1 and 3)."""

import datetime
from zoneinfo import ZoneInfo

import holidays
import pytest

from pqr import deadlines, terms

D = datetime.date
BOGOTA = ZoneInfo("America/Bogota")


def at(y, m, d, hour=10, minute=0):
    return datetime.datetime(y, m, d, hour, minute, tzinfo=BOGOTA)


# (start day, business days, expected day, why)
ADD_CASES = [
    (D(2026, 3, 20), 15, D(2026, 4, 15), "standards vector: San José and Semana Santa"),
    (D(2026, 3, 25), 10, D(2026, 4, 10), "standards vector: Semana Santa 2026"),
    (D(2025, 12, 22), 30, D(2026, 2, 5), "standards vector: year change"),
    (D(2026, 7, 8), 10, D(2026, 7, 24), "standards vector: 13-Jul-2026 and 20-Jul"),
    (D(2026, 1, 9), 1, D(2026, 1, 13), "Reyes moved to Mon 12-Jan (Emiliani)"),
    (D(2026, 1, 9), 2, D(2026, 1, 14), "Reyes Monday then two days"),
    (D(2025, 12, 31), 1, D(2026, 1, 2), "New Year's Day skipped"),
    (D(2025, 12, 24), 1, D(2025, 12, 26), "Christmas skipped"),
    (D(2026, 3, 20), 1, D(2026, 3, 24), "San José moved to Mon 23-Mar"),
    (D(2026, 3, 31), 1, D(2026, 4, 1), "Tuesday of Holy Week is a business day"),
    (D(2026, 3, 31), 2, D(2026, 4, 6), "Holy Thursday and Good Friday 2026"),
    (D(2025, 4, 16), 1, D(2025, 4, 21), "Holy Thursday and Good Friday 2025"),
    (D(2026, 5, 15), 1, D(2026, 5, 19), "Ascension Monday 18-May-2026"),
    (D(2026, 6, 5), 1, D(2026, 6, 9), "Corpus Christi Monday 8-Jun-2026"),
    (D(2026, 6, 12), 1, D(2026, 6, 16), "Sagrado Corazón Monday 15-Jun-2026"),
    (D(2026, 6, 26), 1, D(2026, 6, 30), "San Pedro y San Pablo Monday 29-Jun-2026"),
    (D(2026, 7, 10), 1, D(2026, 7, 14), "Chiquinquirá Monday 13-Jul-2026 (Ley 2578)"),
    (D(2026, 7, 17), 1, D(2026, 7, 21), "Independence Day Mon 20-Jul-2026"),
    (D(2026, 8, 6), 1, D(2026, 8, 10), "Boyacá Fri 7-Aug-2026"),
    (D(2026, 8, 14), 1, D(2026, 8, 18), "Assumption moved to Mon 17-Aug-2026"),
    (D(2026, 10, 9), 1, D(2026, 10, 13), "Día de la Raza Mon 12-Oct-2026"),
    (D(2026, 10, 30), 1, D(2026, 11, 3), "All Saints moved to Mon 2-Nov-2026"),
    (D(2026, 11, 13), 1, D(2026, 11, 17), "Cartagena moved to Mon 16-Nov-2026"),
    (D(2026, 12, 7), 1, D(2026, 12, 9), "Immaculate Conception Tue 8-Dec-2026"),
    (D(2026, 12, 24), 1, D(2026, 12, 28), "Christmas Friday 2026"),
    (D(2025, 6, 27), 1, D(2025, 7, 1), "Sagrado Corazón and San Pedro both 30-Jun-2025"),
    (D(2025, 8, 15), 1, D(2025, 8, 19), "Assumption moved to Mon 18-Aug-2025"),
    (D(2025, 11, 14), 1, D(2025, 11, 18), "Cartagena moved to Mon 17-Nov-2025"),
    (D(2026, 12, 31), 1, D(2027, 1, 4), "year change over New Year's Day and a weekend"),
    (D(2026, 12, 18), 10, D(2027, 1, 5), "ten days across Christmas and New Year"),
    (D(2026, 1, 2), 15, D(2026, 1, 26), "fifteen days across Reyes"),
    (D(2026, 9, 1), 30, D(2026, 10, 14), "thirty days across Día de la Raza"),
    (D(2026, 2, 6), 5, D(2026, 2, 13), "a plain week"),
    (D(2026, 2, 7), 1, D(2026, 2, 9), "from a Saturday"),
    (D(2026, 2, 8), 1, D(2026, 2, 9), "from a Sunday"),
    (D(2026, 2, 9), 0, D(2026, 2, 9), "zero days"),
]


@pytest.mark.parametrize(("start", "days", "expected", "why"), ADD_CASES)
def test_add_business_days(start, days, expected, why):
    """Adding business days skips weekends and Colombian holidays."""
    assert deadlines.add_business_days(start, days) == expected, why


# (received at, type, closures, expected due date, why)
DUE_CASES = [
    (at(2026, 3, 20), terms.GENERAL, (), D(2026, 4, 15), "general 15 days"),
    (at(2026, 3, 25), terms.DOCUMENTS, (), D(2026, 4, 10), "documents 10 days"),
    (at(2025, 12, 22), terms.CONSULTATION, (), D(2026, 2, 5), "consultation 30 days"),
    (at(2026, 7, 8), terms.DATA_CONSULTATION, (), D(2026, 7, 24), "habeas-data consulta 10"),
    (at(2026, 3, 20), terms.DATA_CLAIM, (), D(2026, 4, 15), "habeas-data reclamo 15"),
    (at(2026, 3, 20), terms.COMPLAINT, (), D(2026, 4, 15), "queja 15"),
    (at(2026, 3, 20), terms.CLAIM, (), D(2026, 4, 15), "reclamo 15"),
    (at(2026, 3, 20), terms.SUGGESTION, (), D(2026, 4, 15), "sugerencia 15"),
    (at(2026, 3, 20), terms.REPORT, (), D(2026, 4, 15), "denuncia 15"),
    (at(2026, 3, 20), terms.PRAISE, (), D(2026, 4, 15), "felicitación 15"),
    (at(2026, 3, 20, 16, 59), terms.GENERAL, (), D(2026, 4, 15), "one minute before closing"),
    (at(2026, 3, 20, 17, 0), terms.GENERAL, (), D(2026, 4, 16), "at closing: next business day"),
    (at(2026, 3, 20, 23, 30), terms.GENERAL, (), D(2026, 4, 16), "late night Friday"),
    (at(2026, 3, 21), terms.GENERAL, (), D(2026, 4, 16), "Saturday filing starts Tuesday"),
    (at(2026, 3, 23), terms.GENERAL, (), D(2026, 4, 16), "filing on the San José holiday"),
    (at(2026, 4, 2), terms.DOCUMENTS, (), D(2026, 4, 20), "filing on Holy Thursday"),
    (at(2026, 7, 13), terms.DOCUMENTS, (), D(2026, 7, 29), "filing on 13-Jul-2026"),
    (at(2025, 12, 31, 18), terms.DOCUMENTS, (), D(2026, 1, 19), "after hours on New Year's Eve"),
    (
        at(2026, 3, 20),
        terms.GENERAL,
        (D(2026, 4, 6), D(2026, 4, 7)),
        D(2026, 4, 17),
        "two closure days push the term",
    ),
    (
        at(2026, 3, 20),
        terms.GENERAL,
        (D(2026, 3, 20),),
        D(2026, 4, 16),
        "filing on a closure day",
    ),
    (
        at(2026, 3, 20),
        terms.GENERAL,
        (D(2026, 3, 21),),
        D(2026, 4, 15),
        "a closure on a Saturday changes nothing",
    ),
    (
        datetime.datetime(2026, 3, 20, 21, 30, tzinfo=datetime.UTC),
        terms.GENERAL,
        (),
        D(2026, 4, 15),
        "16:30 in Bogotá given in UTC is still office hours",
    ),
    (
        datetime.datetime(2026, 3, 20, 22, 30, tzinfo=datetime.UTC),
        terms.GENERAL,
        (),
        D(2026, 4, 16),
        "17:30 in Bogotá given in UTC is after hours",
    ),
]


@pytest.mark.parametrize(("received", "kind", "closures", "expected", "why"), DUE_CASES)
def test_due_date(received, kind, closures, expected, why):
    """The due date follows the type's term, office hours and closure days."""
    assert deadlines.due_date(received, kind, frozenset(closures)) == expected, why


def test_office_hours_are_configurable():
    """A different closing time moves the start of the term."""
    received = at(2026, 3, 20, 15, 0)
    closes = datetime.time(14, 0)
    assert deadlines.due_date(received, terms.GENERAL, closes_at=closes) == D(2026, 4, 16)


@pytest.mark.parametrize(("year", "count"), [(2025, 17), (2026, 19), (2027, 19)])
def test_holiday_package_counts(year, count):
    """The pinned holidays release knows Ley 2578 de 2026 (19 dates from 2026)."""
    assert len(holidays.Colombia(years=year)) == count


def test_terms_by_type():
    """Terms live in one settings module with the legal values."""
    assert terms.TERMS[terms.GENERAL] == 15
    assert terms.TERMS[terms.DOCUMENTS] == 10
    assert terms.TERMS[terms.CONSULTATION] == 30
    assert terms.TERMS[terms.DATA_CONSULTATION] == 10
    assert terms.TERMS[terms.DATA_CLAIM] == 15


def test_business_days_between():
    """Counting business days between two dates inverts add_business_days."""
    start = D(2026, 3, 20)
    assert deadlines.business_days_between(start, D(2026, 4, 15)) == 15
    assert deadlines.business_days_between(start, start) == 0


def test_extension_limit_is_twice_the_term():
    """The extension cap is the receipt day plus twice the base term."""
    limit = deadlines.extension_limit(at(2026, 3, 20), terms.DOCUMENTS)
    assert limit == deadlines.add_business_days(D(2026, 3, 20), 20)
