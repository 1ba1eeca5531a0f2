from django import template

from participation.models import REASONS
from participation.text import render_plain

register = template.Library()


@register.filter
def reason_label(code):
    """The translated label of a moderation reason code."""
    return REASONS.get(code, "")


@register.filter
def plain_text(text):
    """A citizen's text as escaped paragraphs with safe links (participation.text)."""
    return render_plain(text or "")
