"""``Cache-Control`` for every response a view left undecided: shareable or personal.

A response may be stored by a shared cache (Varnish, a CDN) only when it is the same
for everyone: an anonymous GET or HEAD (no session cookie sent) whose response sets no
cookie (no CSRF token, no message) and is a final page (200, 404, 410). Those get
``public, max-age=CACHE_MAX_AGE, s-maxage=CACHE_SHARED_MAX_AGE`` and lose ``Vary:
Cookie``: what differs for a signed-in visitor is rendered only on requests that carry
a session cookie, which a shared cache must pass to the application (the shipped VCL
does). Everything else a person receives — signed-in pages, the admin, previews, and
anonymous pages that set a cookie (forms with a CSRF token) — is ``private,
no-store``: never kept by a shared cache nor on a shared computer's disk.

A page that reads a cookie the visitor holds (the surveys' signed browser token, which
decides whether the quick poll shows its form or "you voted") is personal too: the code
that reads it calls ``mark_personal`` (``cms.signed_cookies`` does).

A view that sets its own ``Cache-Control`` (feeds, downloads, tracking) keeps it."""

from django.conf import settings
from django.utils.cache import patch_cache_control

SHAREABLE_METHODS = ("GET", "HEAD")
SHAREABLE_STATUSES = (200, 404, 410)


PERSONAL_ATTRIBUTE = "_portal_personal_response"
#: cookies whose holder may get a page rendered for them: requests carrying one are
#: never answered from a shared cache (the VCL's list and ``cms.page_cache``'s)
PERSONAL_COOKIES = (
    settings.SESSION_COOKIE_NAME,
    "soacha_encuestas",  # surveys.services.BROWSER_COOKIE: the poll shows "you voted"
    "soacha_valoracion",  # surveys.views.feedback.COOKIE
    "messages",  # django.contrib.messages' cookie storage
)


def mark_personal(request):
    """The response to ``request`` depends on this visitor: never shareable."""
    setattr(request, PERSONAL_ATTRIBUTE, True)


def carries_session(request):
    return bool(request.COOKIES.get(settings.SESSION_COOKIE_NAME))


def is_shareable(request, response):
    return (
        request.method in SHAREABLE_METHODS
        and response.status_code in SHAREABLE_STATUSES
        and not carries_session(request)
        and not getattr(request, PERSONAL_ATTRIBUTE, False)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
        and not getattr(request, "is_preview", False)
    )


def without_cookie_vary(response):
    values = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    kept = [value for value in values if value.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]


class CacheControlMiddleware:
    """Placed before SessionMiddleware, so it sees the ``Vary`` and cookies that the
    session, CSRF and message layers added."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if is_shareable(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.CACHE_MAX_AGE,
                s_maxage=settings.CACHE_SHARED_MAX_AGE,
            )
            without_cookie_vary(response)
        elif request.method in SHAREABLE_METHODS:
            patch_cache_control(response, private=True, no_store=True)
        return response
