from django import template

from gel import rules

register = template.Library()


@register.filter
def gel_can_edit(user):
    """Whether ``user`` may record evaluations and take snapshots (gel.rules)."""
    return rules.can_edit_self_assessment(user)
