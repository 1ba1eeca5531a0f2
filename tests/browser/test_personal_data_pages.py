""" "Download my data" and "Delete my account" in a real Chromium: the section of
"Mi cuenta" and the deletion page (with its errors after a wrong password) are
axe-clean in Spanish and English, at phone and desktop width."""

from django.test import Client
from django.utils import timezone

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def citizen(make_user, demo_site):
    from cms.models import DataExport

    user = make_user("datos.navegador@test.example")
    now = timezone.now()
    DataExport.objects.create(owner=user, created=now, expires_at=now + timezone.timedelta(days=7))
    return user


def signed_in_page(browser, portal_url, user, width):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="es-CO", viewport={"width": width, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": portal_url}]
    )
    return context, context.new_page()


def no_overflow(page):
    return (
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        <= 0
    )


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width", [390, 1366])
def test_the_personal_data_section_is_axe_clean(
    browser, portal_url, citizen, screenshot, axe_check, language, width
):
    context, page = signed_in_page(browser, portal_url, citizen, width)
    try:
        assert page.goto(f"{portal_url}/{language}/mi-cuenta/").status == 200
        section = page.locator("#account-personal-data")
        expect(section.locator("form button[type=submit]")).to_have_count(1)
        expect(section.locator("li")).to_have_count(1)
        assert no_overflow(page)
        screenshot(page, f"personal-data-section-{language}-{width}")
        axe_check(page)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width", [390, 1366])
def test_the_delete_account_page_is_axe_clean_with_and_without_errors(
    browser, portal_url, citizen, screenshot, axe_check, language, width
):
    context, page = signed_in_page(browser, portal_url, citizen, width)
    try:
        assert page.goto(f"{portal_url}/{language}/mi-cuenta/eliminar/").status == 200
        expect(page.locator("h1")).to_have_count(1)
        assert no_overflow(page)
        axe_check(page)
        page.fill("input[name=password]", "no-es-la-clave")
        page.click("form.account-form button[type=submit]")
        expect(page.locator("#error-summary")).to_be_visible()
        assert no_overflow(page)
        screenshot(page, f"delete-account-errors-{language}-{width}")
        axe_check(page)
    finally:
        context.close()
