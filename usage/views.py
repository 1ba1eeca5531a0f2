"""The beacon that counts a page view, and the public statistics page."""

from django.conf import settings
from django.db import IntegrityError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from django_ratelimit.decorators import ratelimit

from cms.ratelimits import is_limited, rate

from . import counting, stats
from .charts import daily_chart

#: days of the chart and table of views per day
CHART_DAYS = 90
#: days and length of the most viewed pages list
TOP_DAYS, TOP_LENGTH = 30, 20


def _empty(status=204):
    response = HttpResponse(status=status)
    add_never_cache_headers(response)
    return response


@csrf_exempt
@require_POST
@ratelimit(key="ip", rate=rate("usage_beacon"), method="POST", block=False)
def beacon(request):
    """Count one view of the public page named by the ``page`` field (204, no body).

    CSRF-exempt on purpose: a forged request could only add one view to a public page,
    which anyone can do by opening it; the view changes nothing but that counter, reads
    no session or cookie and answers nothing, and the page's cacheable HTML carries no
    token. Not counted (still 204, the same answer, so a restricted page's existence
    is not revealed): crawlers, visitors sending ``Sec-GPC: 1`` or ``DNT: 1``, pages
    unpublished, restricted or unknown, and nothing while ``USAGE_COUNTING`` is off. A
    malformed id is a 400; past the rate limit (per client address, never stored) a 429."""
    if is_limited(request):
        return _empty(429)
    page_id = counting.parse_page_id(request.POST.get("page"))
    if page_id is None:
        response = HttpResponseBadRequest()
        add_never_cache_headers(response)
        return response
    if not settings.USAGE_COUNTING or counting.is_bot(request) or counting.opted_out(request):
        return _empty()
    if counting.is_countable(page_id):
        try:
            counting.record_view(page_id)
        except IntegrityError:  # the page was deleted since the check: nothing to count
            pass
    return _empty()


def statistics(request):
    """The public page "Estadísticas de uso del portal": views per day for the last
    90 days (chart and table), the 20 most viewed pages of the last 30 days, totals."""
    start, end = stats.period(CHART_DAYS)
    per_day = stats.views_per_day(start, end)
    top_start, _end = stats.period(TOP_DAYS, end)
    return render(
        request,
        "usage/statistics.html",
        {
            "start": start,
            "end": end,
            "per_day": per_day,
            "chart": daily_chart(per_day),
            "chart_days": CHART_DAYS,
            "top_days": TOP_DAYS,
            "top_length": TOP_LENGTH,
            "top": stats.top_pages(top_start, end, limit=TOP_LENGTH, language=get_language()),
            "totals": stats.totals(start),
        },
    )
