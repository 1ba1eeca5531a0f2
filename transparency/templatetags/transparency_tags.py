"""Template tags of the transparency app.

``{% featured_procedures limit=6 %}`` is the public entry other apps use (the home
page's "most used trámites"): it renders a list of the featured trámites in the
active language, with a link to the whole catalogue, in three queries."""

from decimal import Decimal

from django import template
from django.utils import translation
from django.utils.formats import number_format

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

register = template.Library()


@register.inclusion_tag("transparency/tags/featured_procedures.html", takes_context=True)
def featured_procedures(context, limit=6, heading_level=2):
    """The most-used trámites (``featured`` first, then alphabetical), at most ``limit``."""
    from transparency.models import ProcedurePage

    language = get_supported_content_language_variant(translation.get_language())
    procedures = list(
        ProcedurePage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("-featured", "title")
        .defer_streamfields()
        .only("id", "title", "url_path", "path", "depth", "locale_id", "purpose", "online_level")[
            : max(int(limit), 0)
        ]
    )
    # A public trámite has a public parent (view restrictions inherit downwards), so
    # the catalogue is looked up by path, without a second visibility query.
    index = None
    if procedures:
        index = (
            Page.objects.filter(path=procedures[0].path[: -Page.steplen])
            .only("id", "title", "url_path", "path", "depth", "locale_id")
            .first()
        )
    return {
        "request": context.get("request"),
        "procedures": procedures,
        "index": index,
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
