"""``{% process_subscription page %}``: the invitation to subscribe to one process's news
or results, for the pages of the apps that register a process type. It links to the
form's own page (which carries the CSRF token), so the process page sets no cookie and
stays cacheable; no query."""

from django import template

from subscriptions import lists

register = template.Library()


@register.inclusion_tag("subscriptions/includes/process_form.html", takes_context=True)
def process_subscription(context, page):
    return {
        "request": context.get("request"),
        "page": page,
        "show": lists.is_process(page),
    }
