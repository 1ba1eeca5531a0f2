"""The in-process page cache: for `make run` and small deployments without Varnish.

Django's cache middleware, kept to what Varnish does with the shipped VCL: only the
responses the application marks ``public`` (``cms.http_caching``) are stored, for their
``max-age``, in Django's cache (Redis when ``REDIS_URL`` is set, so every worker shares
it); a request carrying a personal cookie (session, poll, feedback, messages:
``http_caching.PERSONAL_COOKIES``) never reads it.

Purge: the cache keys carry a generation that every change the Varnish purge rules
cover (a page published, unpublished or moved; entity settings, view restrictions,
sites, locales: ``cms.purge``) replaces, so nothing stale is served after a publish.
It purges more than Varnish does (every page rather than the affected URLs): a small
site re-renders its pages on the next visit.

``PAGE_CACHE`` (on unless the environment says ``false``; off in tests) is read per
request."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware

from .http_caching import PERSONAL_COOKIES

GENERATION_KEY = "page-cache:generation"


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return value


def purge_all():
    """Make every cached page stale at once (a new generation)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def enabled():
    return getattr(settings, "PAGE_CACHE", False)


def carries_personal_cookie(request):
    return any(request.COOKIES.get(name) for name in PERSONAL_COOKIES)


class _GenerationPrefix:
    """``key_prefix`` read per request: the configured prefix and the generation."""

    @property
    def key_prefix(self):
        return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}page:{generation()}"

    @key_prefix.setter
    def key_prefix(self, value):
        pass  # set by Django's __init__; the property computes it


class UpdatePageCacheMiddleware(_GenerationPrefix, UpdateCacheMiddleware):
    """First in MIDDLEWARE: stores the final response (with its security headers)."""

    def _should_update_cache(self, request, response):
        return (
            enabled()
            and "public" in response.get("Cache-Control", "")
            and super()._should_update_cache(request, response)
        )

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if getattr(request, "_page_cache_hit", False):
            response["X-Cache"] = "HIT"
        return response


class FetchPageCacheMiddleware(_GenerationPrefix, FetchFromCacheMiddleware):
    """Right after ``cms.http_caching.CacheControlMiddleware``: a hit skips sessions,
    CSRF and authentication, which an anonymous shareable page does not need."""

    def process_request(self, request):
        if not enabled() or carries_personal_cookie(request):
            request._cache_update_cache = False
            return None
        response = super().process_request(request)
        if response is not None:
            request._page_cache_hit = True
        return response
