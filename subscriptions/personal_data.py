"""What subscriptions hold about an account, for "download my data" and "delete my
account" (``cms.personal_data``, registered in SubscriptionsConfig.ready): the lists the
account or its address is subscribed to. Erasing deletes them (the deliveries already
sent keep no address)."""

from .models import Subscription


def _held(user):
    subscriptions = Subscription.objects.filter(user=user)
    if user.email:
        subscriptions |= Subscription.objects.filter(email__iexact=user.email)
    return subscriptions


def export_subscriptions(user):
    rows = []
    for subscription in _held(user).select_related("dependency").order_by("created_at", "pk"):
        rows.append(
            {
                "email": subscription.email,
                "list": subscription.list_key,
                "dependency": subscription.dependency.name if subscription.dependency else None,
                "language": subscription.language,
                "created_at": subscription.created_at.isoformat(),
                "confirmed_at": (
                    subscription.confirmed_at.isoformat() if subscription.confirmed_at else None
                ),
                "consent_at": subscription.consent_at.isoformat(),
            }
        )
    return {"subscriptions": rows}


def erase_subscriptions(user):
    Subscription.objects.filter(pk__in=_held(user).values("pk")).delete()
