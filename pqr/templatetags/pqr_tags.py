from django import template

from pqr import rules

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def pqr_can(user, right):
    """``{% if user|pqr_can:"file_verbal" %}``: the user-level predicate of pqr.rules
    of that name (``rules.USER_RULES``); an unknown name is an error, never False."""
    return rules.USER_RULES[right](user)
