"""Two-factor authentication for staff (``STAFF_REQUIRE_2FA``): whoever may open the
Wagtail admin must have TOTP enrolled and have used it in the current session.

Without an authenticator, any admin page sends them to allauth's TOTP activation
(which also hands out recovery codes); with one but a session that never gave a code
(one opened before enrolling), to allauth's MFA reauthentication. Citizens, who have
no admin access, are never stopped."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added


def _used_mfa(request):
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "STAFF_REQUIRE_2FA", False) and self._is_admin_request(request):
            response = self._require_second_factor(request)
            if response is not None:
                return response
        return self.get_response(request)

    @staticmethod
    def _is_admin_request(request):
        user = request.user
        return (
            request.path.startswith(reverse("wagtailadmin_home"))
            and request.path != reverse("wagtailadmin_logout")
            and user.is_authenticated
            and user.has_perm("wagtailadmin.access_admin")
        )

    @staticmethod
    def _require_second_factor(request):
        has_totp = Authenticator.objects.filter(
            user=request.user, type=Authenticator.Type.TOTP
        ).exists()
        if not has_totp:
            messages.warning(
                request,
                _(
                    "To open the administration you must turn on two-factor "
                    "authentication: scan the code with an authenticator app and "
                    "enter the code it shows. Keep the recovery codes you get afterwards."
                ),
            )
            return redirect("mfa_activate_totp")
        if not _used_mfa(request):
            messages.info(
                request,
                _("Enter the code from your authenticator app to open the administration."),
            )
            return redirect_to_login(request.get_full_path(), "mfa_reauthenticate")
        return None


@receiver(authenticator_added)
def count_activation_as_mfa(sender, request, user, authenticator, **kwargs):
    """Activating TOTP means typing a valid code from it: this session has used it."""
    if authenticator.type == Authenticator.Type.TOTP and request is not None:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
