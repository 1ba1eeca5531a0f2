# ruff: noqa: E501 (allauth's msgids, verbatim)
"""allauth's own strings that its Spanish catalogue words with "tú" (the portal says
"usted", CONTRIBUTING.md). Listed here, `make messages` puts them in the project
catalogue (locale/), whose translations take precedence over allauth's (LOCALE_PATHS
come first). tests/cms/test_usted.py fails when allauth brings a new one."""

from django.utils.translation import gettext_noop as _
from django.utils.translation import ngettext_lazy

USTED_OVERRIDES = [
    _("To confirm this is correct, go to %(activate_url)s"),
    _("Please select only one."),
    _("Use authenticator app or code"),
    _("Sign up using a passkey"),
    _("Passkey Sign Up"),
    _("Be patient, you are sending too many requests."),
    _("Enter a phone number including country code (e.g. +1 for the US)."),
    _("View your user ID"),
    _("View your basic profile information"),
    _("You cannot generate recovery codes without having two-factor authentication enabled."),
    _("We've sent a code to %(recipient)s. The code expires shortly, so please enter it soon."),
    _("Enter Email Verification Code"),
    _("Enter Password Reset Code"),
    _("Enter Phone Verification Code"),
    _("Your email has been changed from %(from_email)s to %(to_email)s."),
    _(
        "You're receiving this email because user %(user_display)s has given your email address to register an account on %(site_domain)s."
    ),
    _("Your email verification code is listed below. Please enter it in your open browser window."),
    _("Email address %(deleted_email)s has been removed from your account."),
    _("You have verified phone number %(phone)s."),
    _(
        "You currently do not have any email address set up. You should really add an email address so you can receive notifications, reset your password, etc."
    ),
    _(
        "We have sent an email to you for verification. Follow the link provided to finalize the signup process. If you do not see the verification email in your main inbox, check your spam folder. Please contact us if you do not receive the verification email within a few minutes."
    ),
    _(
        '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email address</a>.'
    ),
    _("%(client_name)s wants to access your %(site_name)s account."),
    _("You successfully authorized your %(client_name)s device."),
    _("Authorization for your %(client_name)s device has been denied."),
    _(
        "If you choose to trust this browser, you will not be asked for a verification code the next time you sign in."
    ),
    _("Are you sure you want to remove this security key?"),
    _(
        "You are about to create a passkey for your account. As you can add additional keys later on, you can use a descriptive name to tell the keys apart."
    ),
    _("A third-party account from %(provider)s has been disconnected from your account."),
]

#: Plural ones, by singular msgid (the value marks both forms for `make messages`).
PLURAL_OVERRIDES = {
    "You have added %(count)s security key.": ngettext_lazy(
        "You have added %(count)s security key.",
        "You have added %(count)s security keys.",
        "count",
    ),
}
