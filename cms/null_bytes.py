"""Refuse requests carrying a NUL byte, once for the whole site.

PostgreSQL cannot store or compare text containing NUL (``\\x00``): a NUL in a path, a
query string, a form field (URL-encoded or multipart, file names included) or a cookie
would reach the database and fail with a 500. No legitimate browser sends one, so the
request ends here with a translated plain-text 400 before any view runs."""

from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(query_dict):
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists()
    )


def carries_nul(request):
    """Whether the path, query string, cookies or form fields hold a NUL byte."""
    if NUL in request.path_info or _has_nul(request.GET):
        return True
    if any(NUL in key or NUL in value for key, value in request.COOKIES.items()):
        return True
    if request.method == "POST" and request.content_type in FORM_TYPES:
        if _has_nul(request.POST):
            return True
        return any(
            NUL in key or NUL in (upload.name or "")
            for key, uploads in request.FILES.lists()
            for upload in uploads
        )
    return False


def bad_request():
    return HttpResponseBadRequest(
        _("The request contains a character that is not allowed (a null byte)."),
        content_type="text/plain; charset=utf-8",
    )


class RejectNulBytesMiddleware:
    """Answer 400 to any request with a NUL byte; also to a malformed multipart body,
    which Django would otherwise only discover inside the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            refused = carries_nul(request)
        except MultiPartParserError:
            return HttpResponseBadRequest(
                _("The form could not be read. Reload the page and send it again."),
                content_type="text/plain; charset=utf-8",
            )
        if refused:
            return bad_request()
        return self.get_response(request)
