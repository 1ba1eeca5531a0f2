"""Events calendar: month view, navigation, bad input and iCal feeds."""

import icalendar
import pytest

from home.models import EventPage

pytestmark = pytest.mark.django_db

# Fixed per listing: the same bound holds with 5 and with 200 items.
LISTING_QUERY_BOUND = 16

CALENDAR_URL = "/es/noticias/agenda/"


@pytest.mark.parametrize("url", [CALENDAR_URL, "/en/noticias/agenda/"])
def test_calendar_shows_current_month(client, event_index, url):
    """The calendar shows this month's events with prev/next month links."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert 'class="breadcrumbs' in html and 'class="last-updated"' in html


def test_calendar_month_navigation(client, event_index):
    """?year=2026&month=12 lists December events only."""
    html = client.get(CALENDAR_URL + "?year=2026&month=12").content.decode()
    assert "Feria navideña de mujeres emprendedoras" in html
    assert "Audiencia de presupuesto participativo 2027" not in html
    assert "?year=2027&amp;month=1" in html and "?year=2026&amp;month=11" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?month=abc", "Ese mes no es válido"),
        ("?year=99999&month=1", "El calendario cubre de 2000 a 2100"),
        ("?year=2026&month=13", "El calendario cubre de 2000 a 2100"),
    ],
)
def test_calendar_bad_input_gives_a_normal_page(client, event_index, query, message):
    """A bad month or year shows this month with a clear message, never an error."""
    response = client.get(CALENDAR_URL + query)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("count", [5, 200])
def test_calendar_query_count_does_not_grow(
    client, event_index, add_events, django_assert_max_num_queries, count
):
    """A month with 5 or 200 events renders in the same bounded number of queries."""
    add_events(event_index, count)
    with django_assert_max_num_queries(LISTING_QUERY_BOUND):
        response = client.get(CALENDAR_URL + "?year=2026&month=12")
    assert response.status_code == 200
    assert "Evento de prueba 4" in response.content.decode()


def test_calendar_ical_feed_parses(client, event_index):
    """The calendar's iCal feed parses with icalendar and lists the events."""
    response = client.get(CALENDAR_URL + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == EventPage.objects.child_of(event_index).count()
    assert {str(event["summary"]) for event in events} >= {
        "Feria navideña de mujeres emprendedoras"
    }


def test_event_page_and_its_ical(client, event_index):
    """An event page shows when and where in Bogotá time, and its own iCal file parses."""
    url = CALENDAR_URL + "feria-mujeres-emprendedoras/"
    html = client.get(url).content.decode()
    assert "Parque principal de Soacha" in html
    assert 'datetime="2026-12-05T10:00:00-05:00"' in html
    calendar = icalendar.Calendar.from_ical(client.get(url + "ical/").content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart").isoformat() == "2026-12-05T10:00:00-05:00"
    assert str(event["location"]) == "Parque principal de Soacha"


def test_event_cannot_end_before_it_starts(event_index):
    """An event whose end is before its start does not validate."""
    from django.core.exceptions import ValidationError

    event = EventPage.objects.child_of(event_index).first()
    event.end = event.start.replace(year=event.start.year - 1)
    with pytest.raises(ValidationError):
        event.clean()
