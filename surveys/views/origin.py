"""Where a form was sent from, for the forms on every page that carry no CSRF token
(the quick poll and "¿Le fue útil esta página?"): a token would set the CSRF cookie on
every page and make it private to one browser, so no shared cache could keep it.
These views are exempt from Django's token check and accept a POST only when the
browser says it comes from a page of this site, the check Django's own CSRF
protection makes of the ``Origin`` header."""

from urllib.parse import urlsplit

from django.conf import settings


def _origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def sent_from_this_site(request):
    """Whether the browser says the form was on a page of this site."""
    allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin in allowed  # "null" (sandboxed or privacy contexts) is refused
    referer = request.headers.get("Referer")
    return bool(referer) and _origin_of(referer) in allowed
