"""``machine_datetime`` gives a valid HTML ``<time datetime>``: a global date-time with
whole seconds and a numeric offset (no microseconds: HTML allows three fraction
digits at most), or a date."""

import datetime
import re
import zoneinfo

from django.template import Context, Template
from django.utils import timezone

import pytest

from cms.templatetags.portal_tags import machine_datetime

GLOBAL_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
BOGOTA = zoneinfo.ZoneInfo("America/Bogota")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # last_published_at as saved: UTC with microseconds.
        (
            datetime.datetime(2026, 12, 7, 3, 4, 5, 678901, tzinfo=datetime.UTC),
            "2026-12-06T22:04:05-05:00",
        ),
        (datetime.datetime(2026, 1, 2, 9, 30, 0, 1, tzinfo=BOGOTA), "2026-01-02T09:30:00-05:00"),
        # A naive value is read in the current time zone and gets its offset.
        (datetime.datetime(2026, 3, 4, 8, 0, 0, 999999), "2026-03-04T08:00:00-05:00"),
        (datetime.date(2026, 5, 6), "2026-05-06"),
        (None, ""),
        ("", ""),
        ("2026-12-07 03:04:05.678901", ""),
    ],
)
def test_machine_datetime(value, expected):
    with timezone.override(BOGOTA):
        assert machine_datetime(value) == expected


def test_last_updated_of_a_fresh_save_is_valid():
    """The "Last updated" of every page: a datetime with microseconds renders without."""
    moment = timezone.now().replace(microsecond=123456)
    html = Template('{% load portal_tags %}<time datetime="{{ moment|machine_datetime }}">').render(
        Context({"moment": moment})
    )
    value = re.search(r'datetime="([^"]*)"', html).group(1)
    assert GLOBAL_DATETIME.match(value), value
    assert "." not in value
