"""Where a poll vote or a page opinion sends the browser back to."""

from django.utils.http import url_has_allowed_host_and_scheme


def page_id(value):
    """The page id a form names, or None when it is not a positive integer."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


def back_to(request, page):
    """The ``next`` field when it is a path on this site, else the page's own URL.

    Only absolute paths are accepted: a bare word such as ``abc`` would otherwise be
    taken by ``redirect()`` for a view name and fail."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return page.get_url(request) or "/"
