"""Template tags of the transparency app.

``{% featured_procedures limit=6 %}`` is the public entry other apps use (the home
page's "most used trámites"): it renders a list of the featured trámites in the
active language, with a link to the whole catalogue, in two queries."""

from decimal import Decimal

from django import template
from django.utils import translation
from django.utils.formats import number_format

from wagtail.coreutils import get_supported_content_language_variant

from cms.navigation import public_only

register = template.Library()


@register.inclusion_tag("transparency/tags/featured_procedures.html", takes_context=True)
def featured_procedures(context, limit=6, heading_level=2):
    """The most-used trámites (``featured`` first, then alphabetical), at most ``limit``."""
    from transparency.models import ProcedurePage

    language = get_supported_content_language_variant(translation.get_language())
    procedures = list(
        public_only(ProcedurePage.objects.live(), context["request"])
        .filter(locale__language_code=language)
        .order_by("-featured", "title")
        .defer_streamfields()
        .only("id", "title", "url_path", "path", "depth", "locale_id", "purpose", "online_level")[
            : max(int(limit), 0)
        ]
    )
    # The catalogue is the trámites' parent, and Wagtail URLs follow the tree: its URL
    # is a trámite's URL without the last segment (no query; the home page counts them).
    index_url = None
    if procedures:
        first_url = procedures[0].get_url(request=context.get("request"))
        if first_url:
            index_url = first_url.rstrip("/").rsplit("/", 1)[0] + "/"
    return {
        "request": context.get("request"),
        "procedures": procedures,
        "index_url": index_url,
        "heading_level": heading_level,
    }


@register.filter
def cop(value):
    """An amount in Colombian pesos with the active language's grouping: $ 1.234.567."""
    if value in (None, ""):
        return ""
    return "$ " + number_format(Decimal(value), 0, use_l10n=True, force_grouping=True)


@register.filter
def number(value):
    """A measurement without trailing zeros, grouped: 1.234,5 in Spanish."""
    if value in (None, ""):
        return ""
    value = Decimal(value).normalize()
    places = max(-value.as_tuple().exponent, 0)
    return number_format(value, places, use_l10n=True, force_grouping=True)
