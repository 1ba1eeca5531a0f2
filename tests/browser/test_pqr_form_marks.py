"""The PQRSD filing form in Chromium (issue 13): focus moves to the error summary after
a failed submission, the required marks follow the anonymous and answer choices, and
without JS the labels state the rule in words. The sign-in form shares the summary."""

import re

from django.utils import translation
from django.utils.translation import gettext

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _active_element_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def _texts(lang):
    with translation.override(lang):
        return {
            "file": gettext("File"),
            "anonymous": gettext("File anonymously"),
            "postal": gettext("Postal mail"),
            "required": gettext("(required)"),
            "optional": f"({gettext('optional')})",
            "name_rule": gettext("required if the petition is not anonymous"),
            "description": gettext("Description"),
            "subject": gettext("Subject"),
        }


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["es", "en"])
def test_invalid_filing_focuses_the_summary(page, portal_url, axe_check, screenshot, lang):
    texts = _texts(lang)
    page.goto(f"{portal_url}/{lang}/pqrsd/")
    axe_check(page)
    description = "La luminaria del parque no enciende.\nDesde hace un mes."
    page.locator("#id_subject").fill("Luminaria")
    page.locator("#id_description").fill(description)
    page.get_by_role("button", name=texts["file"], exact=True).click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert _active_element_id(page) == "error-summary"
    # Nothing typed is lost, the text area included.
    expect(page.locator("#id_description")).to_have_value(description)
    expect(page.locator("#id_subject")).to_have_value("Luminaria")
    screenshot(page, f"pqr-form-errors-{lang}")
    axe_check(page)

    # A link of the summary moves focus to its field.
    summary.locator("a[href='#id_name']").click()
    expect(page.locator("#id_name")).to_be_focused()


def _expect_mark(label, kind, texts):
    """Only the ``kind`` mark of the label is shown (the rule in words is hidden)."""
    for mark in ("rule", "required", "optional"):
        locator = label.locator(f"[data-mark='{mark}']")
        if mark == kind:
            expect(locator).to_be_visible()
            expect(locator).to_have_text(re.compile(re.escape(texts[kind])))
        else:
            expect(locator).to_be_hidden()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["es", "en"])
def test_required_marks_follow_the_choice(page, portal_url, axe_check, lang):
    texts = _texts(lang)
    page.goto(f"{portal_url}/{lang}/pqrsd/")
    name_label = page.locator("label[for='id_name']")
    email_label = page.locator("label[for='id_email']")
    address_label = page.locator("label[for='id_address']")

    # Identified, answer by email (the defaults): name and email required.
    _expect_mark(name_label, "required", texts)
    _expect_mark(email_label, "required", texts)
    _expect_mark(address_label, "optional", texts)
    expect(page.locator("#id_name")).to_have_attribute("aria-required", "true")
    expect(page.locator("#id_address")).to_have_attribute("aria-required", "false")

    page.get_by_label(texts["postal"], exact=True).check()
    _expect_mark(email_label, "optional", texts)
    _expect_mark(address_label, "required", texts)
    expect(page.locator("#id_address")).to_have_attribute("aria-required", "true")

    page.get_by_label(texts["anonymous"]).check()
    for label in (name_label, email_label, address_label):
        _expect_mark(label, "optional", texts)
    expect(page.locator("#id_name")).to_have_attribute("aria-required", "false")
    axe_check(page)


@pytest.mark.browser
def test_without_js_labels_state_the_rule(browser, portal_url):
    texts = _texts("es")
    context = browser.new_context(java_script_enabled=False, locale="es-CO")
    try:
        page = context.new_page()
        page.goto(f"{portal_url}/es/pqrsd/")
        name_label = page.locator("label[for='id_name']")
        rule = name_label.locator("[data-mark='rule']")
        expect(rule).to_be_visible()
        expect(rule).to_have_text(re.compile(re.escape(texts["name_rule"]), re.I))
        expect(name_label.locator("[data-mark='required']")).to_be_hidden()
        expect(name_label.locator("[data-mark='optional']")).to_be_hidden()
        # Submitting still shows the summary (without the focus move) and keeps the text.
        page.locator("#id_description").fill("Texto escrito sin JavaScript.")
        page.get_by_role("button", name=texts["file"], exact=True).click()
        expect(page.locator("#error-summary")).to_be_visible()
        expect(page.locator("#id_description")).to_have_value("Texto escrito sin JavaScript.")
    finally:
        context.close()


@pytest.mark.browser
def test_failed_sign_in_focuses_the_summary(page, portal_url, axe_check):
    """The sign-in form (allauth) uses the same error summary and focus move."""
    page.goto(f"{portal_url}/es/cuentas/login/")
    page.locator("input[name='login']").fill("nadie@test.example")
    page.locator("input[name='password']").fill("una-clave-equivocada")
    page.locator("form[action*='login'] button[type='submit']").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    axe_check(page)
