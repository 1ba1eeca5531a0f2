"""Read the counts: per day, per page, and the summary other apps use.

Every function runs a fixed number of queries whatever the period or the number of
pages (aggregates in SQL, one lookup of the listed pages)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Min, Q, Sum
from django.utils import timezone

from wagtail.models import Page

from .models import PageView


def period(days, end=None):
    """(first day, last day) of the ``days`` days ending ``end`` (today), inclusive."""
    end = end or timezone.localdate()
    return end - datetime.timedelta(days=days - 1), end


def views_per_day(start, end):
    """[(day, views)] for every day from ``start`` to ``end``, zero where none."""
    totals = dict(
        PageView.objects.filter(day__range=(start, end))
        .values_list("day")
        .annotate(total=Sum("views"))
        .order_by()
    )
    days = (end - start).days + 1
    return [
        (day, totals.get(day, 0))
        for day in (start + datetime.timedelta(days=n) for n in range(max(days, 0)))
    ]


def views_per_page(start, end, limit=None):
    """[{"page_id", "title", "views"}] from ``start`` to ``end``, most viewed first
    (each page id on its own: the Spanish and English versions are separate rows)."""
    rows = (
        PageView.objects.filter(day__range=(start, end))
        .values("page_id", "page__title")
        .annotate(total=Sum("views"))
        .order_by("-total", "page_id")
    )
    if limit:
        rows = rows[:limit]
    return [
        {"page_id": row["page_id"], "title": row["page__title"], "views": row["total"]}
        for row in rows
    ]


@dataclass(frozen=True)
class TopPage:
    page: Page
    views: int


def top_pages(start, end, limit=20, language=None):
    """The ``limit`` most viewed public pages from ``start`` to ``end``, a page and
    its translations counted together, each shown in ``language`` when translated
    (else in the language it was viewed in). Pages now restricted or unpublished are
    left out (the ranking keeps twice ``limit`` for them). Three queries."""
    ranked = list(
        PageView.objects.filter(day__range=(start, end))
        .values_list("page__translation_key")
        .annotate(total=Sum("views"))
        .order_by("-total", "page__translation_key")[: limit * 2]
    )
    keys = [key for key, _total in ranked]
    candidates = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys, depth__gt=1)
        .select_related("locale")
    )
    chosen = {}
    for page in candidates.order_by("pk"):
        current = chosen.get(page.translation_key)
        if current is None or (
            page.locale.language_code == language and current.locale.language_code != language
        ):
            chosen[page.translation_key] = page
    result = [TopPage(chosen[key], total) for key, total in ranked if key in chosen]
    return result[:limit]


def totals(since):
    """{"all_time": views ever counted, "since": views from ``since``, "first_day"}."""
    found = PageView.objects.aggregate(
        all_time=Sum("views"),
        since=Sum("views", filter=Q(day__gte=since)),
        first_day=Min("day"),
    )
    return {key: value or (0 if key != "first_day" else None) for key, value in found.items()}


@dataclass(frozen=True)
class Summary:
    """What the portal's use looked like over the last ``days`` days."""

    days: int
    start: datetime.date
    end: datetime.date
    total_views: int
    pages_viewed: int
    #: the first day anything was counted (None: nothing ever was)
    counting_since: datetime.date | None
    per_day: list = field(default_factory=list)

    @property
    def is_counting(self):
        """Whether any view was counted in the period (the counting works)."""
        return self.total_views > 0


def summary(days=30):
    """The portal's use over the last ``days`` days (two queries), e.g. for the GEL
    self-assessment's "Monitoreo del desempeño y uso"."""
    start, end = period(days)
    found = PageView.objects.aggregate(
        total=Sum("views", filter=Q(day__range=(start, end))),
        pages=Count("page", filter=Q(day__range=(start, end)), distinct=True),
        first_day=Min("day"),
    )
    return Summary(
        days=days,
        start=start,
        end=end,
        total_views=found["total"] or 0,
        pages_viewed=found["pages"] or 0,
        counting_since=found["first_day"],
        per_day=views_per_day(start, end),
    )


def days_counted(days=30):
    """On how many of the last ``days`` days page views were counted (one query)."""
    start, end = period(days)
    return PageView.objects.filter(day__range=(start, end)).values("day").distinct().count()
