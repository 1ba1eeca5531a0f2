"""The agenda links only to a bounded range of months (a window around this month,
widened to the first and last events), so crawlers cannot walk it forever; a month
outside the range answers 200 with the nearest month in range, a notice and noindex."""

import datetime
import re

from django.utils import timezone

import pytest

from home.models import EventPage
from home.models.events import WINDOW_MONTHS, shift_month

pytestmark = pytest.mark.django_db

NOINDEX = '<meta name="robots" content="noindex">'
MONTH_LINK = re.compile(r'href="\?year=(\d+)&amp;month=(\d+)" rel="(prev|next)"')


def _month(delta):
    today = timezone.localdate()
    return shift_month(today.year, today.month, delta)


def _get(client, index, year, month):
    response = client.get(index.url, {"year": year, "month": month})
    assert response.status_code == 200
    return response, response.content.decode()


def _links(html):
    return {rel: (int(year), int(month)) for year, month, rel in MONTH_LINK.findall(html)}


def _add_event(index, year, month):
    start = datetime.datetime(year, month, 10, 9, tzinfo=timezone.get_current_timezone())
    index.add_child(
        instance=EventPage(
            title="Evento lejano",
            slug=f"evento-lejano-{year}-{month}",
            start=start,
            end=start + datetime.timedelta(hours=2),
            place="Plaza",
        )
    )


def test_the_months_inside_the_window_link_to_each_other(client, event_index):
    year, month = _month(0)
    response, html = _get(client, event_index, year, month)
    assert _links(html) == {"prev": _month(-1), "next": _month(1)}
    assert NOINDEX not in html and response.context["notices"] == []


def test_no_link_beyond_the_bounds(client, event_index):
    """The last month of the window has no "next" link; walking back ends too."""
    last = _month(WINDOW_MONTHS)
    _response, html = _get(client, event_index, *last)
    assert _links(html) == {"prev": _month(WINDOW_MONTHS - 1)}
    assert NOINDEX not in html
    first_event = EventPage.objects.child_of(event_index).order_by("start").first().start
    first_event = timezone.localtime(first_event)
    earliest = min(_month(-WINDOW_MONTHS), (first_event.year, first_event.month))
    _response, html = _get(client, event_index, *earliest)
    assert "prev" not in _links(html) and "next" in _links(html)


@pytest.mark.parametrize("years", [-5, 6])
def test_a_month_far_outside_answers_the_nearest_month_with_notice_and_noindex(
    client, event_index, years
):
    """2021 or 2032 (say): 200, the nearest month in range, a notice, noindex."""
    year, month = _month(12 * years)
    response, html = _get(client, event_index, year, month)
    assert NOINDEX in html
    assert len(response.context["notices"]) == 1
    shown = response.context["month_start"]
    if years < 0:
        assert (shown.year, shown.month) <= _month(-WINDOW_MONTHS)
        assert "prev" not in _links(html)
    else:
        assert (shown.year, shown.month) == _month(WINDOW_MONTHS)
        assert "next" not in _links(html)


def test_events_widen_the_bounds(client, event_index):
    """An event three years ahead is reachable month by month, and is the last month."""
    far = _month(36)
    _add_event(event_index, *far)
    _response, html = _get(client, event_index, *_month(WINDOW_MONTHS))
    assert _links(html)["next"] == _month(WINDOW_MONTHS + 1)
    _response, html = _get(client, event_index, *far)
    assert "Evento lejano" in html and "next" not in _links(html) and NOINDEX not in html
    response, html = _get(client, event_index, *_month(37))
    assert NOINDEX in html and "Evento lejano" in html
    assert response.context["month_start"] == datetime.date(*far, 1)


def test_junk_month_is_noindex(client, event_index):
    response = client.get(event_index.url, {"month": "abc"})
    assert response.status_code == 200
    assert NOINDEX in response.content.decode()


def test_a_private_event_does_not_widen_the_bounds(client, event_index):
    from wagtail.models import PageViewRestriction

    far = _month(36)
    _add_event(event_index, *far)
    event = EventPage.objects.child_of(event_index).get(title="Evento lejano")
    PageViewRestriction.objects.create(page=event, restriction_type="login")
    _response, html = _get(client, event_index, *_month(WINDOW_MONTHS))
    assert "next" not in _links(html)
