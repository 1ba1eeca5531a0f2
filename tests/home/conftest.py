"""Fixtures for the general pages: the demo news room and calendar, and factories
that fill them with many items to check listings stay within a query bound."""

import datetime

from django.utils import timezone

import pytest

from home.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage


@pytest.fixture
def news_index(demo_site):
    return NewsIndexPage.objects.get(slug="actualidad", locale__language_code="es")


@pytest.fixture
def event_index(demo_site):
    return EventIndexPage.objects.get(slug="agenda", locale__language_code="es")


@pytest.fixture
def add_news():
    """Add ``count`` published news items to a news room (bulk, fast)."""

    def factory(index, count):
        today = timezone.localdate()
        for number in range(count):
            page = NewsPage(
                title=f"Noticia de prueba {number}",
                slug=f"prueba-{number}",
                date=today - datetime.timedelta(days=number),
                introduction="Texto de prueba.",
            )
            index.add_child(instance=page)

    return factory


@pytest.fixture
def add_events():
    """Add ``count`` published events in the given month to a calendar."""

    def factory(index, count, year=2026, month=12):
        tz = timezone.get_current_timezone()
        for number in range(count):
            start = datetime.datetime(year, month, 1 + number % 28, 9, number % 60, tzinfo=tz)
            page = EventPage(
                title=f"Evento de prueba {number}",
                slug=f"evento-prueba-{number}",
                start=start,
                end=start + datetime.timedelta(hours=2),
                place="Parque principal",
            )
            index.add_child(instance=page)

    return factory
