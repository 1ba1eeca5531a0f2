"""Every ``<time datetime>`` is a valid HTML date or global date-time: seconds without
a fraction longer than three digits, a numeric UTC offset (Nu HTML Checker rules)."""

import re

import pytest

from home.models import EventIndexPage, EventPage, NewsPage

pytestmark = pytest.mark.django_db

DATETIME = re.compile(r'<time datetime="([^"]*)"')
VALID = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?([+-]\d{2}:?\d{2}|Z))?$")


def test_time_elements_carry_valid_machine_dates(client, demo_site):
    # A fresh save gives last_published_at microseconds, which Django's "c" format kept.
    news = NewsPage.objects.live().first()
    news.save_revision().publish()
    urls = [
        "/es/",
        "/en/",
        news.url,
        EventIndexPage.objects.live().first().url,
        EventPage.objects.live().first().url,
    ]
    seen = 0
    for url in urls:
        html = client.get(url).content.decode()
        for value in DATETIME.findall(html):
            seen += 1
            assert VALID.match(value), f"{url}: {value}"
    assert seen >= len(urls)
