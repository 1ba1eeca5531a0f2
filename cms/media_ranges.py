"""Byte ranges for video and audio documents.

Wagtail's document view (the default ``serve_view`` method: Django's FileResponse
through Wagtail's streaming sendfile backend) answers every request with the whole file
and no ``Accept-Ranges``. Chrome and Firefox play that, but cannot seek past what they
have downloaded, and Safari (iOS too) refuses a video it cannot fetch by ranges. This
``before_serve_document`` hook answers a single ``Range`` request for a media document
with 206 and those bytes; it runs after Wagtail's view-restriction hook (``order``), so
a private collection stays private. Anything else goes on to Wagtail's view."""

import re

from django.http import HttpResponse

from wagtail import hooks

from cms.media_blocks import AUDIO_EXTENSIONS, VIDEO_EXTENSIONS

MEDIA_EXTENSIONS = {*VIDEO_EXTENSIONS, *AUDIO_EXTENSIONS}
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
#: the most bytes sent for an open range ("bytes=N-"); the player asks for the rest
CHUNK = 2 * 1024 * 1024


def requested_range(header, size):
    """``(first, last)`` byte of a single range, "unsatisfiable", or None to ignore it."""
    match = RANGE.match((header or "").strip())
    if match is None or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    first = int(first)
    last = min(int(last), size - 1) if last else min(first + CHUNK - 1, size - 1)
    if first >= size or last < first:
        return "unsatisfiable"
    return first, last


def _headers(response, document):
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = document.content_disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


@hooks.register("before_serve_document", order=100)
def serve_media_range(document, request):
    if document.file_extension.lower() not in MEDIA_EXTENSIONS:
        return None
    if "Range" not in request.headers or "If-Range" in request.headers:
        return None
    size = document.file.size
    wanted = requested_range(request.headers["Range"], size)
    if wanted is None:
        return None
    if wanted == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return _headers(response, document)
    first, last = wanted
    with document.file.open("rb") as handle:
        handle.seek(first)
        data = handle.read(last - first + 1)
    response = HttpResponse(data, status=206, content_type=document.content_type)
    response["Content-Range"] = f"bytes {first}-{last}/{size}"
    return _headers(response, document)
