"""What cms holds about an account, for "download my data" and "delete my account"
(``cms.personal_data``, the handler "account"): the profile, its e-mail addresses,
the two-factor methods (their kind and dates, never a secret), the notification
preferences and the data exports. Erasing deletes the export files and ends the
account's sessions on every device (a session keeps the address it signed in with);
the rows go with the account."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone

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


#: the session engines that keep every session in the database, where they can be found
DATABASE_SESSIONS = (
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
)


def end_sessions(user):
    """Delete every live session signed in as ``user`` (its cached copy too). Sessions
    are not indexed by user: each live one is decoded, once, on this rare path."""
    if settings.SESSION_ENGINE not in DATABASE_SESSIONS:
        return 0
    store = import_module(settings.SESSION_ENGINE).SessionStore
    user_id = str(user.pk)
    keys = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator(
            chunk_size=2000
        )
        if str(session.get_decoded().get(SESSION_KEY)) == user_id
    ]
    for key in keys:
        store(session_key=key).delete()
    return len(keys)


def erase_account(user):
    for export in DataExport.objects.filter(owner=user):
        export.delete_file()
    end_sessions(user)
