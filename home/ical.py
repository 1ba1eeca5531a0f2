"""iCalendar (RFC 5545) export of events, so citizens can add them to their calendar."""

from django.http import HttpResponse
from django.utils import timezone

from icalendar import Calendar, Event

PRODID = "-//Alcaldía de Soacha//Portal//ES"


def build_calendar(request, name, events):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone.get_current_timezone_name())
    for page in events:
        item = Event()
        item.add("uid", f"evento-{page.translation_key}-{page.locale_id}@alcaldiasoacha.gov.co")
        item.add("summary", page.title)
        item.add("dtstart", timezone.localtime(page.start))
        item.add("dtend", timezone.localtime(page.end))
        item.add("dtstamp", page.last_published_at or timezone.now())
        item.add("location", page.place)
        if page.introduction:
            item.add("description", page.introduction)
        item.add("url", page.get_full_url(request=request))
        cal.add_component(item)
    return cal


def calendar_response(request, name, events, filename="eventos"):
    body = build_calendar(request, name, events).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
