"""Who may do what with site search, one named predicate per right."""

PERMISSION = "search.view_search_report"


def can_view_search_report(user):
    """The report of what citizens search for (Reports menu): editors and superusers."""
    return user.is_active and user.has_perm(PERMISSION)
