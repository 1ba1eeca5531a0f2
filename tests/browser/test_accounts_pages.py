"""The account pages (django-allauth) in a real Chromium: axe-core checks on the public
forms and a sign-up through the real form up to the "verify your email" page."""

import re

from django.utils import translation

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_EMAIL = "vecina.nueva@test.example"
NEW_PASSWORD = "Bosque-de-Soacha-2026"


def spanish(message):
    """The Spanish text the pages show for an allauth/Django message id."""
    with translation.override("es"):
        return translation.gettext(message)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("login", "/es/cuentas/login/"),
        ("signup", "/es/cuentas/signup/"),
        ("password-reset", "/es/cuentas/password/reset/"),
    ],
)
def test_account_page_has_no_axe_violations(page, portal_url, screenshot, axe_check, name, path):
    """The Spanish login, sign-up and password reset pages load with one h1 and pass axe."""
    response = page.goto(f"{portal_url}{path}")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "es-CO"
    expect(page.locator("h1")).to_have_count(1)
    screenshot(page, f"account-{name}")
    axe_check(page)


@pytest.mark.browser
def test_signup_through_the_form_shows_verify_email_page(page, portal_url, screenshot, axe_check):
    """Signing up with a new email through the real form lands on "verify your email"."""
    from allauth.account.models import EmailAddress

    page.goto(f"{portal_url}/es/cuentas/signup/")
    form = page.locator("main form")
    # The password rules are announced with the field, not lost outside its description.
    description = form.locator("input[name='password1']").evaluate(
        "input => document.getElementById(input.getAttribute('aria-describedby')).textContent"
    )
    assert "10" in description, description
    form.locator("input[name='email']").fill(NEW_EMAIL)
    form.locator("input[name='password1']").fill(NEW_PASSWORD)
    form.locator("input[name='password2']").fill(NEW_PASSWORD)
    form.locator("input[name='consent']").check()
    form.locator("button[type='submit']").click()

    expect(page).to_have_url(re.compile(r"/es/cuentas/confirm-email/$"))
    expect(page.locator("h1")).to_have_text(spanish("Verify Your Email Address"))
    screenshot(page, "account-verification-sent")
    axe_check(page)
    address = EmailAddress.objects.get(email=NEW_EMAIL)
    assert address.verified is False
