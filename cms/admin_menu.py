"""Admin menu items shown only to the users a rule allows."""

from wagtail.admin.menu import MenuItem


class RuleMenuItem(MenuItem):
    """A Wagtail menu item shown when ``rule(user)`` is true; ``rule`` is the same
    named predicate the item's view checks (e.g. ``pqr.rules.can_open_inbox``;
    each app keeps its predicates in its ``rules.py``)."""

    def __init__(self, label, url, *, rule, **kwargs):
        super().__init__(label, url, **kwargs)
        self.rule = rule

    def is_shown(self, request):
        return bool(self.rule(request.user))
