"""Who may do what with e-mail subscriptions, one named predicate per right."""

REPORT_PERMISSION = "subscriptions.view_subscription_report"


def can_view_subscription_report(user):
    """The admin report (subscribers per list, messages sent, bounces): editors and
    superusers. Counts only, never an address."""
    return user.is_active and user.has_perm(REPORT_PERMISSION)
