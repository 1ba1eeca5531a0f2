"""What cms holds about an account, for "download my data" and "delete my account"
(``cms.personal_data``, the handler "account"): the profile, its e-mail addresses,
the two-factor methods (their kind and dates, never a secret), the notification
preferences and the data exports. Erasing deletes the export files; the rows go with
the account."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from cms.models import DataExport, NotificationPreference


def _iso(moment):
    return moment.isoformat() if moment else None


def export_account(user):
    preferences = NotificationPreference.for_user(user.pk)
    return {
        "account": [
            {
                "username": user.username,
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "preferred_language": user.preferred_language,
                "date_joined": _iso(user.date_joined),
                "last_login": _iso(user.last_login),
            }
        ],
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "two_factor_methods": [
            {
                "type": authenticator.type,
                "created_at": _iso(authenticator.created_at),
                "last_used_at": _iso(authenticator.last_used_at),
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
        ],
        "notification_preferences": [
            {"kind": str(kind), "frequency": str(frequency)}
            for kind, frequency in preferences.items()
        ],
        "data_exports": [
            {
                "requested_at": _iso(export.created),
                "ready_at": _iso(export.ready_at),
                "expires_at": _iso(export.expires_at),
            }
            for export in DataExport.objects.filter(owner=user).order_by("created", "pk")
        ],
    }


def erase_account(user):
    for export in DataExport.objects.filter(owner=user):
        export.delete_file()
