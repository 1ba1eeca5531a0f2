"""The bimonthly report as a tagged PDF (PDF/UA-1) rendered by WeasyPrint from the
same content as its page.

Rendered on request and kept in the cache under the page's live revision: a visitor
can never make the server render one revision twice while it is cached, and a new
revision (the editor's observations) gets a new key. Only a live page reaches this
(Wagtail routes no draft), after Wagtail's view restrictions (``before_serve_page``)."""

from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

#: a week: the bytes of one revision never change
CACHE_SECONDS = 7 * 24 * 3600


def cache_key(page):
    return f"gel:report-pdf:{page.pk}:{page.live_revision_id}:{translation.get_language()}"


def render_pdf(page, request):
    """The PDF's bytes. WeasyPrint fetches nothing (the stylesheet is inline; links
    stay links): no request from the server to itself or elsewhere."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    from cms.models import EntitySettings

    from .report_display import report_context

    entity = EntitySettings.for_request(request)
    html = render_to_string(
        "gel/bimonthly_report_pdf.html",
        {**report_context(page), "entity_name": entity.entity_name or ""},
        request=request,
    )
    document = HTML(
        string=html,
        base_url=request.build_absolute_uri(page.url),
        url_fetcher=URLFetcher(allowed_protocols=["data"]),
    )
    return document.write_pdf(pdf_variant="pdf/ua-1")


def pdf_response(page, request):
    key = cache_key(page)
    data = cache.get(key)
    if data is None:
        data = render_pdf(page, request)
        cache.set(key, data, CACHE_SECONDS)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{page.pdf_filename}"'
    response["Content-Length"] = str(len(data))
    response["X-Content-Type-Options"] = "nosniff"
    return response
