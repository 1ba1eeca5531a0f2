"""Counting one page view: who is not counted, which pages count, and the one write.

Nothing about the visitor is kept: the user agent and the privacy headers are read to
decide whether to count and then forgotten; the client address is used only by the
rate limit (cms.client_ip, in the shared cache, never in the database)."""

import re

from django.db import connection
from django.utils import timezone

from wagtail.models import Page

from .models import PageView

#: user agents of crawlers, link previews, monitors, scripts and headless browsers
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor"
    r"|pingdom|uptime|lighthouse|headless|phantom|selenium|playwright|puppeteer"
    r"|python|curl|wget|httpie|libwww|java/|go-http|okhttp|axios|node-fetch",
    re.IGNORECASE,
)
#: Wagtail's page ids are 32-bit integers
MAX_PAGE_ID = 2**31 - 1


def is_bot(request):
    """Whether the user agent is missing or names an automated client."""
    agent = request.headers.get("User-Agent", "")
    return not agent.strip() or bool(BOT_PATTERN.search(agent))


def opted_out(request):
    """Global Privacy Control (``Sec-GPC: 1``) or Do Not Track (``DNT: 1``): the
    visitor asked not to be tracked, so the view is not counted at all."""
    return request.headers.get("Sec-GPC", "").strip() == "1" or (
        request.headers.get("DNT", "").strip() == "1"
    )


def parse_page_id(value):
    """The page id sent by the beacon, or None when it is not a plausible id."""
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 10:
        return None
    page_id = int(value)
    return page_id if 0 < page_id <= MAX_PAGE_ID else None


def is_countable(page_id):
    """A live page below the tree's root, under no view restriction (password,
    sign-in or groups): only pages anyone may read are counted."""
    return Page.objects.live().public().filter(pk=page_id, depth__gt=1).exists()


UPSERT = (
    "INSERT INTO {table} (page_id, day, views) VALUES (%s, %s, 1) "
    "ON CONFLICT (page_id, day) DO UPDATE SET views = {table}.views + 1"
)


def record_view(page_id, day=None):
    """Add one view of ``page_id`` on ``day`` (today, local time): ONE atomic SQL
    statement that inserts the day's row or increments it, so parallel views never
    lose a count or collide (SQLite ≥ 3.24 and PostgreSQL accept the same text)."""
    table = connection.ops.quote_name(PageView._meta.db_table)
    with connection.cursor() as cursor:
        day = connection.ops.adapt_datefield_value(day or timezone.localdate())
        cursor.execute(UPSERT.format(table=table), [page_id, day])
