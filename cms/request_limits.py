"""Refuse a request body larger than ``MAX_REQUEST_BODY_SIZE`` before reading it.

The check runs on the declared ``Content-Length``, so a 30 MB upload is answered with
413 without a byte of it being read or stored. A body without ``Content-Length``
(chunked transfer) is never read by Django at all (its WSGI request reads at most
``Content-Length`` bytes, i.e. none), and the proxy in front (nginx,
``client_max_body_size``) buffers and caps such bodies before they get here."""

from django.conf import settings
from django.shortcuts import render


def declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.MAX_REQUEST_BODY_SIZE
        if declared_length(request) > limit:
            response = render(
                request,
                "413.html",
                {"max_megabytes": round(limit / (1024 * 1024))},
                status=413,
            )
            response["Connection"] = "close"
            return response
        return self.get_response(request)
