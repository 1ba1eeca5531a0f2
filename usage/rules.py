"""Who may do what with the usage statistics, one named predicate per right."""

REPORT_PERMISSION = "usage.view_usage_report"


def can_view_usage_report(user):
    """The admin report (views per page and day, its CSV): editors, internal control
    and superusers. Counts only; nothing personal is stored."""
    return bool(user.is_active and user.has_perm(REPORT_PERMISSION))
