from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html

from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def usage_beacon_attributes(context):
    """The ``data-page-id`` and ``data-usage-url`` attributes of a Wagtail page's
    ``<body>``, for the beacon in cms/js/portal.js: the same for every visitor, so the
    HTML stays cacheable. Nothing on other views, on previews (never counted) and when
    ``USAGE_COUNTING`` is off."""
    if not settings.USAGE_COUNTING:
        return ""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or not page.pk or getattr(request, "is_preview", False):
        return ""
    return format_html(
        ' data-page-id="{}" data-usage-url="{}"', page.pk, reverse("usage_beacon:view")
    )
