"""STAFF_REQUIRE_2FA: staff who can open the Wagtail admin must enrol TOTP (with
recovery codes) and use it; citizens are never asked."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from tests.cms.test_settings import SETUP, production_env, run_django

pytestmark = pytest.mark.django_db

PASSWORD = "una-clave-segura-123"
SECRET = "JBSWY3DPEHPK3PXP"
ACTIVATE = "/es/cuentas/2fa/totp/activate/"


@pytest.fixture
def require_2fa(settings):
    settings.STAFF_REQUIRE_2FA = True


def current_code(secret):
    """The code of the current 30-second step; in a step's last 5 seconds, the next
    step's, after waiting for it: allauth accepts only the current step's code, and a
    loaded machine may take a moment to check it."""
    if 30 - time.time() % 30 < 5:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(client, user):
    return client.post("/es/cuentas/login/", {"login": user.email, "password": PASSWORD})


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_staff_without_totp_is_sent_to_activation(client, editor, require_2fa):
    sign_in(client, editor)
    assert client.session["_auth_user_id"] == str(editor.pk)
    for path in ("/admin/", "/admin/pages/", "/admin/documents/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == ACTIVATE, path
    response = client.get("/admin/", follow=True)
    text = " ".join(messages_of(response))
    assert "autenticación en dos pasos" in text
    assert "códigos de recuperación" in text
    client.post("/admin/logout/")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_enrolling_shows_recovery_codes_then_opens_the_admin(client, editor, require_2fa):
    """Committed for real: allauth announces the new authenticator on commit."""
    sign_in(client, editor)
    client.post("/es/cuentas/reauthenticate/", {"password": PASSWORD})
    response = client.get(ACTIVATE)
    assert response.status_code == 200
    secret = response.context["form"].secret
    response = client.post(ACTIVATE, {"code": current_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/es/cuentas/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    codes = Authenticator.objects.get(user=editor, type=Authenticator.Type.RECOVERY_CODES)
    page = client.get(response["Location"]).content.decode()
    assert codes.wrap().get_unused_codes()[0] in page
    # Typing a valid code to activate counts as using it in this session.
    assert client.get("/admin/").status_code == 200


def test_staff_with_totp_signed_in_through_mfa_opens_the_admin(client, editor, require_2fa):
    TOTP.activate(editor, SECRET)
    response = sign_in(client, editor)
    assert "/cuentas/2fa/authenticate/" in response["Location"]
    client.post("/es/cuentas/2fa/authenticate/", {"code": current_code(SECRET)})
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200


def test_session_that_never_gave_a_code_must_give_one(client, editor, require_2fa):
    """A session opened before enrolling (here: without the code) is asked for it."""
    TOTP.activate(editor, SECRET)
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/es/cuentas/2fa/reauthenticate/?next=/admin/pages/"
    response = client.post(response["Location"], {"code": current_code(SECRET)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_citizens_are_not_affected(client, citizen, require_2fa):
    sign_in(client, citizen)
    assert client.session["_auth_user_id"] == str(citizen.pk)
    assert client.get("/es/").status_code == 200
    assert client.get("/es/cuentas/email/").status_code == 200
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "2fa" not in response["Location"]


def test_off_by_default_outside_production(client, editor, settings):
    assert settings.STAFF_REQUIRE_2FA is False
    sign_in(client, editor)
    assert client.get("/admin/").status_code == 200


def test_production_requires_staff_2fa(tmp_path):
    code = SETUP + "print(settings.STAFF_REQUIRE_2FA)"
    result = run_django(code, "cms.settings.production", **production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
