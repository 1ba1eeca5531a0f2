"""Where a poll vote or a page opinion sends the browser back to."""

from cms.redirects import safe_next


def page_id(value):
    """The page id a form names, or None when it is not a positive integer."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


def back_to(request, page):
    """The form's ``next`` field when it is a path on this site, else the page's own URL."""
    return safe_next(request, page.get_url(request) or "/", request.POST.get("next", ""))
