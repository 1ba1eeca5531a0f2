"""One pagination for every listing, public or admin.

A page number that is not a number, below 1 or past the last page never gives an
error page: the listing answers 200 with the nearest real page (the first page for
junk or numbers below 1, the last for numbers past the end) and, when the caller
passes a ``notices`` list, a sentence saying what happened."""

from collections.abc import Mapping

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.translation import gettext

#: How much of an invalid page number a notice quotes back.
ECHO_LENGTH = 40


def _echo(value):
    value = str(value)
    return value if len(value) <= ECHO_LENGTH else value[:ECHO_LENGTH] + "…"


def paginate(request, items, per_page, notices=None, param="page"):
    """The page of ``items`` that ``request.GET[param]`` asks for, clamped to a real one."""
    paginator = Paginator(items, per_page)
    notices = [] if notices is None else notices
    raw = request.GET.get(param, "1")
    try:
        number = int(raw)
    except ValueError:
        notices.append(
            gettext("“%(page)s” is not a page number: showing the first page.")
            % {"page": _echo(raw)}
        )
        number = 1
    if number < 1:
        notices.append(gettext("Pages start at 1: showing the first page."))
        number = 1
    elif number > paginator.num_pages:
        notices.append(
            gettext("There is no page %(page)s: showing the last page (%(last)s).")
            % {"page": _echo(number), "last": paginator.num_pages}
        )
        number = paginator.num_pages
    return paginator.page(number)


def query_without_page(request, param="page"):
    """The current query string minus the page number, URL-encoded once, for the
    links of ``includes/pagination.html`` (its ``extra_query``)."""
    params = request.GET.copy()
    params.pop(param, None)
    return params.urlencode()


def page_query(extra_query, param, number):
    """``?<filters>&<param>=<number>`` for a link of ``includes/pagination.html``.

    ``extra_query`` may be an encoded query string (``query_without_page``), a
    ``QueryDict`` or a plain mapping of filter names to values (a list for repeated
    names): either way every value is URL-encoded exactly once, so a mapping never
    ends up printed as a Python dict in the URL, and a stale page number in it is
    replaced rather than repeated."""
    if isinstance(extra_query, QueryDict):
        params = extra_query.copy()
    elif isinstance(extra_query, Mapping):
        params = QueryDict(mutable=True)
        for name, value in extra_query.items():
            values = value if isinstance(value, list | tuple) else [value]
            params.setlist(str(name), [str(v) for v in values if v not in (None, "")])
    else:
        params = QueryDict(str(extra_query or ""), mutable=True)
    params.pop(param, None)
    params[param] = str(number)
    return "?" + params.urlencode()
