"""Accounts with django-allauth: sign-up by email, mandatory verification, login,
password reset, rate limits and TOTP for staff."""

import re

from django.core import mail

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

pytestmark = pytest.mark.django_db

PASSWORD = "Soacha-para-vivir-2026"


def signup(client, email="nueva@correo.example", password=PASSWORD):
    return client.post(
        "/es/cuentas/signup/",
        {"email": email, "password1": password, "password2": password, "consent": "on"},
    )


def confirmation_link(message):
    match = re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_signup_sends_verification_and_does_not_log_in(client):
    """Signing up sends one verification email and leaves the user logged out."""
    response = signup(client)
    assert response.status_code == 302
    assert "/cuentas/confirm-email/" in response["Location"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nueva@correo.example"]
    assert "_auth_user_id" not in client.session
    assert EmailAddress.objects.get(email="nueva@correo.example").verified is False


def test_signup_email_is_in_spanish(client):
    """The verification email speaks Spanish on the Spanish site."""
    signup(client)
    message = mail.outbox[0]
    assert message.subject.startswith("[Alcaldía de Soacha]")
    assert "confirm" in message.body.lower() or "confirme" in message.body.lower()
    assert "Hola" in message.body or "correo" in message.body.lower()


def test_unverified_user_cannot_log_in(client):
    """Logging in before verifying resends the email instead of signing in."""
    signup(client)
    response = client.post(
        "/es/cuentas/login/", {"login": "nueva@correo.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_verification_then_login(client):
    """Following the emailed link verifies the address; then email + password works."""
    signup(client)
    link = confirmation_link(mail.outbox[0])
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="nueva@correo.example").verified is True
    client.logout()
    response = client.post(
        "/es/cuentas/login/", {"login": "nueva@correo.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_bad_signup_keeps_input_and_explains_in_spanish(client):
    """Mismatched passwords give a Spanish error, keep the email typed, save nothing."""
    response = client.post(
        "/es/cuentas/signup/",
        {"email": "persona@correo.example", "password1": PASSWORD, "password2": "otra-cosa-123"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="persona@correo.example"' in html
    assert "contraseña" in html.lower()
    assert not EmailAddress.objects.filter(email="persona@correo.example").exists()
    assert len(mail.outbox) == 0


def test_duplicate_email_is_refused(client, citizen):
    """An email already registered cannot sign up again."""
    response = signup(client, email=citizen.email)
    assert response.status_code in (200, 302)
    assert EmailAddress.objects.filter(email__iexact=citizen.email).count() == 1


def test_password_reset_sends_email(client, citizen):
    """Password reset mails a link to a known address."""
    response = client.post("/es/cuentas/password/reset/", {"email": citizen.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/cuentas/password/reset/key/" in mail.outbox[0].body


def test_failed_logins_are_rate_limited(client, citizen):
    """After five wrong passwords for one account even the right one is refused for a
    while, with a Spanish message (the counter lives in the shared cache)."""
    for _ in range(5):
        client.post("/es/cuentas/login/", {"login": citizen.email, "password": "mala-clave"})
    response = client.post(
        "/es/cuentas/login/", {"login": citizen.email, "password": "una-clave-segura-123"}
    )
    assert response.status_code == 200
    assert "Demasiados intentos fallidos" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_with_totp_must_give_a_code(client, editor):
    """An editor who enrolled TOTP is asked for a code before the admin opens."""
    secret = "JBSWY3DPEHPK3PXP"
    TOTP.activate(editor, secret)
    response = client.post(
        "/es/cuentas/login/", {"login": editor.email, "password": "una-clave-segura-123"}
    )
    assert response.status_code == 302
    assert "/cuentas/2fa/authenticate/" in response["Location"]
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302

    import time

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post("/es/cuentas/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_can_enrol_totp(client, editor):
    """A signed-in editor confirms the password, then sees the TOTP activation page."""
    client.post("/es/cuentas/login/", {"login": editor.email, "password": "una-clave-segura-123"})
    response = client.get("/es/cuentas/2fa/totp/activate/")
    assert response.status_code == 302
    assert "/cuentas/reauthenticate/" in response["Location"]
    client.post("/es/cuentas/reauthenticate/", {"password": "una-clave-segura-123"})
    response = client.get("/es/cuentas/2fa/totp/activate/")
    assert response.status_code == 200
    assert response.context["totp_url"].startswith("otpauth://totp/")
    assert "Portal%20Soacha" in response.context["totp_url"]
    assert not Authenticator.objects.filter(user=editor).exists()
