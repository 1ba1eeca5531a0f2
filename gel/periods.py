"""The two-month periods of the bimonthly report (Decreto 387 de 2009, Artículo 8):
January–February, March–April, … November–December."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

#: months per report
MONTHS = 2


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @classmethod
    def containing(cls, day):
        """The two-month period ``day`` falls in."""
        first_month = day.month - (day.month - 1) % MONTHS
        start = datetime.date(day.year, first_month, 1)
        following = _add_months(start, MONTHS)
        return cls(start, following - datetime.timedelta(days=1))

    @classmethod
    def parse(cls, text):
        """The period containing the month ``YYYY-MM`` (ValueError when malformed)."""
        year, month = (int(part) for part in text.split("-"))
        return cls.containing(datetime.date(year, month, 1))

    @classmethod
    def last_complete(cls, today=None):
        """The latest period that has ended before ``today``."""
        return cls.containing(today or timezone.localdate()).previous()

    def previous(self):
        return Period.containing(self.start - datetime.timedelta(days=1))

    def next(self):
        return Period.containing(self.end + datetime.timedelta(days=1))

    @property
    def label(self):
        """``2026-09-10``: the year and the two months (file names, slugs)."""
        return f"{self.start:%Y-%m}-{self.end:%m}"

    def __contains__(self, day):
        return self.start <= day <= self.end


def _add_months(day, months):
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)
