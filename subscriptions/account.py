"""The "My e-mail subscriptions" section of the account page (cms.account_sections)."""

from . import services


def subscriptions_for_account(request):
    """The signed-in citizen's confirmed subscriptions, each with its unsubscribe link
    (one query); None for a visitor who is not signed in."""
    if not request.user.is_authenticated:
        return None
    rows = [
        {"subscription": subscription, "unsubscribe_url": services.unsubscribe_path(subscription)}
        for subscription in services.subscriptions_for_user(request.user)
    ]
    return {"subscriptions": rows}
