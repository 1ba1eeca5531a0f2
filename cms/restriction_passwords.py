"""Wagtail's password forms for private pages and document collections, with a limit on
guesses: per client address (cms.client_ip) and per restriction, like the logins. Past
the limit every attempt, even the right password, gets the 429 page."""

from wagtail import views as page_views
from wagtail.documents.views import serve as document_views

from django_ratelimit.core import is_ratelimited

from cms.client_ip import client_ip
from cms.ratelimits import rate, too_many_requests

GROUP = "view-restriction-password"


def _too_many_guesses(request, kind, restriction_id):
    return is_ratelimited(
        request,
        group=GROUP,
        key=lambda group, request: f"{kind}:{restriction_id}:{client_ip(request)}",
        rate=rate("view_restriction_guess"),
        method="POST",
        increment=True,
    )


def page_password(request, page_view_restriction_id, page_id):
    if _too_many_guesses(request, "page", page_view_restriction_id):
        return too_many_requests(request)
    return page_views.authenticate_with_password(request, page_view_restriction_id, page_id)


def collection_password(request, restriction_id):
    if _too_many_guesses(request, "collection", restriction_id):
        return too_many_requests(request)
    return document_views.authenticate_with_password(request, restriction_id)
