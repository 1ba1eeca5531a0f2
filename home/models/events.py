import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Min
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms.models import BasePage
from cms.navigation import public_only
from home.blocks import HomeStreamBlock

from .common import ImageFields, audiences_field, dependency_field

MIN_YEAR = 2000
MAX_YEAR = 2100
#: The calendar links this many months either side of the current one, and further
#: only as far as the first and last events.
WINDOW_MONTHS = 12


def month_from_request(request):
    """The (year, month) asked for in ?year=&month=, or this month with a message."""
    today = timezone.localdate()
    raw_year, raw_month = request.GET.get("year"), request.GET.get("month")
    if raw_year is None and raw_month is None:
        return today.year, today.month, None
    try:
        year = int(raw_year if raw_year is not None else today.year)
        month = int(raw_month if raw_month is not None else today.month)
    except (TypeError, ValueError):
        return today.year, today.month, gettext("That month is not valid: showing this month.")
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return (
            today.year,
            today.month,
            gettext("The calendar covers %(first)s to %(last)s: showing this month.")
            % {"first": MIN_YEAR, "last": MAX_YEAR},
        )
    return year, month, None


def shift_month(year, month, delta):
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_index(year, month):
    return year * 12 + (month - 1)


def _month_name(index):
    return date_format(datetime.date(index // 12, index % 12 + 1, 1), "YEAR_MONTH_FORMAT")


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events calendar by month, with an iCal feed of every upcoming event."""

    # The calendar hangs from a section page; it holds only events.
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.EventPage"]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    class Meta:
        verbose_name = _("events calendar")

    def events(self, request=None):
        return (
            public_only(EventPage.objects.live(), request)
            .child_of(self)
            .select_related("dependency")
            .order_by("start", "pk")
            .defer_streamfields()
        )

    def month_bounds(self, request=None):
        """The first and last months (as ``month_index``) the calendar links to: a
        window of ``WINDOW_MONTHS`` around this month, widened to the first and last
        public events. One query (the view restrictions are read once per request)."""
        today = timezone.localdate()
        low = high = month_index(today.year, today.month)
        events = EventPage.objects.live().child_of(self)
        events = public_only(events, request) if request is not None else events.public()
        span = events.aggregate(first=Min("start"), last=Max("end"))
        low, high = low - WINDOW_MONTHS, high + WINDOW_MONTHS
        if span["first"]:
            first = timezone.localtime(span["first"])
            low = min(low, month_index(first.year, first.month))
        if span["last"]:
            last = timezone.localtime(span["last"])
            high = max(high, month_index(last.year, last.month))
        return low, high

    @path("")
    def index_route(self, request):
        """One month of the calendar. A month outside ``month_bounds`` is not linked
        from anywhere; asked for anyway, it answers 200 with the nearest month in
        range and a notice (as a page number past the end does), marked noindex so
        search engines keep only the linked months."""
        year, month, notice = month_from_request(request)
        low, high = self.month_bounds(request)
        current = month_index(year, month)
        if current < low:
            notice = gettext(
                "The calendar does not go back beyond %(month)s: showing %(month)s."
            ) % {"month": _month_name(low)}
            year, month = shift_month(year, month, low - current)
        elif current > high:
            notice = gettext(
                "The calendar does not go further than %(month)s: showing %(month)s."
            ) % {"month": _month_name(high)}
            year, month = shift_month(year, month, high - current)
        current = month_index(year, month)
        tz = timezone.get_current_timezone()
        first = datetime.datetime(year, month, 1, tzinfo=tz)
        next_year, next_month = shift_month(year, month, 1)
        prev_year, prev_month = shift_month(year, month, -1)
        after = datetime.datetime(next_year, next_month, 1, tzinfo=tz)
        events = list(self.events(request).filter(start__lt=after, end__gte=first))
        days = {}
        for event in events:
            day = max(timezone.localtime(event.start).date(), first.date())
            days.setdefault(day, []).append(event)
        context = self.get_context(request)
        context.update(
            notices=[notice] if notice else [],
            robots_noindex=bool(notice),
            month_start=first.date(),
            days=sorted(days.items()),
            month_days=calendar.monthrange(year, month)[1],
            previous={"year": prev_year, "month": prev_month} if current > low else None,
            following={"year": next_year, "month": next_month} if current < high else None,
            following_start=after.date(),
            previous_start=datetime.date(prev_year, prev_month, 1),
        )
        return TemplateResponse(request, self.get_template(request), context)

    @path("ical/", name="ical")
    def ical_route(self, request):
        from home.ical import calendar_response

        since = timezone.now() - datetime.timedelta(days=365)
        return calendar_response(request, self.title, self.events(request).filter(end__gte=since))


class EventPage(ImageFields, RoutablePageMixin, BasePage):
    """An event of the Alcaldía: when (America/Bogota), where and who organises it."""

    #: read with the page when it is served (cms.page_routing)
    serve_select_related = ("dependency", "image")

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=255)
    dependency = dependency_field()
    body = StreamField(HomeStreamBlock(), verbose_name=_("body"), blank=True)
    audiences = audiences_field()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("start"), FieldPanel("end"), FieldPanel("place"), FieldPanel("dependency")],
            heading=_("When and where"),
        ),
        ImageFields.image_panel(),
        FieldPanel("body"),
    ]
    promote_panels = [*BasePage.promote_panels, FieldPanel("audiences")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    # An event lives in the calendar and has no children.
    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.start and self.end and self.end < self.start:
            errors["end"] = [_("The event cannot end before it starts.")]
        if errors:
            raise ValidationError(errors)

    @path("")
    def detail_route(self, request):
        return TemplateResponse(request, self.get_template(request), self.get_context(request))

    @path("ical/", name="ical")
    def ical_route(self, request):
        from home.ical import calendar_response

        return calendar_response(request, self.title, [self], filename=self.slug)
