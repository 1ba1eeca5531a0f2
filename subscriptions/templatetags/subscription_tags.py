"""``{% process_subscription page %}``: the form to subscribe to one process's news or
results, for the pages of the apps that register a process type (no query, and no
CSRF token: the page stays cacheable; see views.subscribe_process)."""

from django import template

from subscriptions import lists
from subscriptions.forms import ProcessSubscribeForm

register = template.Library()


@register.inclusion_tag("subscriptions/includes/process_form.html", takes_context=True)
def process_subscription(context, page):
    return {
        "request": context.get("request"),
        "page": page,
        "show": lists.is_process(page),
        "form": ProcessSubscribeForm(),
    }
