"""Rate limits: every rate is a setting (``RATE_LIMITS``), every refusal one response.

Views use django-ratelimit with ``key="ip"`` (the address from cms.client_ip, through
RATELIMIT_IP_META_KEY), ``block=False`` and the rate read here at request time, so
tests and deployments change a rate in settings only::

    @ratelimit(key="ip", rate=rate("pqr_filing"), method="POST", block=False)

Over the limit, a form is answered by ``too_many_requests`` with its own template and
the bound form, so what the person typed stays on screen with the message; anything
else gets the friendly ``429.html`` page. Either way: status 429, never cached."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers


def rate(name):
    """The rate named ``name`` in ``settings.RATE_LIMITS``, for django-ratelimit's
    ``rate=`` (read at request time, so an override applies at once)."""
    if name not in settings.RATE_LIMITS:
        raise ImproperlyConfigured(f"RATE_LIMITS has no rate named {name!r}.")
    return lambda group, request: settings.RATE_LIMITS[name]


def is_limited(request):
    """Whether django-ratelimit marked this request as over its limit."""
    return getattr(request, "limited", False)


def too_many_requests(request, template="429.html", context=None):
    """The one 429 response: ``template`` (a form's own page, re-rendered with the
    bound form) with ``rate_limited`` set, or the friendly 429 page."""
    context = {**(context or {}), "rate_limited": True}
    response = TemplateResponse(request, template, context, status=429)
    add_never_cache_headers(response)
    return response
