"""Template tags other templates use: the page feedback widget and the quick poll state."""

from django import template

from surveys.forms import FeedbackForm
from surveys.views import poll

register = template.Library()


@register.inclusion_tag("surveys/tags/page_feedback.html", takes_context=True)
def page_feedback(context, page):
    """``{% page_feedback page %}``: "¿Le fue útil esta página?" for any live page.

    No CSRF token on purpose, so the page stays cacheable (surveys/views/feedback.py)."""
    request = context.get("request")
    return {
        "feedback_page": page if getattr(page, "pk", None) and page.live else None,
        "form": FeedbackForm(prefix="feedback"),
        "next_url": request.get_full_path() if request else "",
    }


@register.simple_tag(takes_context=True)
def quick_poll(context, value, block_id):
    """Options, whether this visitor voted and the tally of the poll block."""
    page = context.get("page")
    request = context.get("request")
    options = poll.poll_options(value)
    if page is None or request is None or not block_id:
        return {"page_id": None, "options": options}
    voted = poll.has_voted(request, page.pk, block_id)
    result = {"page_id": page.pk, "options": options, "voted": voted}
    if voted and value.get("show_results"):
        result["total"], result["rows"] = poll.poll_tally(page.pk, block_id, options)
    return result
