"""An online form built by editors (pqr.OnlineFormPage) in Chromium: axe-core finds
no violation on the form, its error summary and its landing page, in Spanish and
English, and the whole form is filled and submitted with the keyboard."""

import pytest
from playwright.sync_api import expect

from pqr.models import Case

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PATH = "atencion-ciudadania/solicitud-certificado-de-residencia/"

TEXTS = {
    "es": {
        "submit": "Radicar",
        "anonymous": "Radicar de forma anónima",
        "web": "Publicación en este sitio web",
        "consent": "He leído el aviso de privacidad",
        "filed": "Su solicitud fue radicada",
        "fields": {
            "Barrio": "San Mateo",
            "Dirección de residencia": "Calle 1 # 2-3",
            "Tiempo de residencia en Soacha": "3 años",
        },
        "reason": ("Motivo de la solicitud", "Trámite laboral"),
        "declare": "Declaro que la información suministrada es verdadera",
    },
    "en": {
        "submit": "File",
        "anonymous": "File anonymously",
        "web": "Publication on this website",
        "consent": "I have read the privacy notice",
        "filed": "Your request was filed",
        "fields": {
            "Neighbourhood": "San Mateo",
            "Home address": "Calle 1 # 2-3",
            "Time living in Soacha": "3 years",
        },
        "reason": ("Reason for the application", "Employment"),
        "declare": "I declare that the information given is true",
    },
}


def _press_to_check(page, label):
    """Focus a checkbox or radio button and tick it with the space bar."""
    control = page.get_by_label(label)
    control.focus()
    page.keyboard.press("Space")
    expect(control).to_be_checked()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["es", "en"])
def test_online_form_is_accessible_and_works_with_the_keyboard(
    page, portal_url, axe_check, screenshot, settings, lang
):
    settings.RATELIMIT_ENABLE = False
    texts = TEXTS[lang]
    page.goto(f"{portal_url}/{lang}/{PATH}")
    expect(page.locator("h1")).to_have_count(1)
    axe_check(page)

    # Submitting empty shows the linked error summary, still accessible.
    page.get_by_role("button", name=texts["submit"], exact=True).click()
    expect(page.locator("#error-summary")).to_be_visible()
    axe_check(page)

    for label, value in texts["fields"].items():
        field = page.get_by_label(label, exact=True)
        field.focus()
        page.keyboard.press("Control+A")
        page.keyboard.type(value)
    reason_label, reason = texts["reason"]
    page.get_by_label(reason_label).select_option(label=reason)
    for label in (texts["declare"], texts["anonymous"], texts["web"], texts["consent"]):
        _press_to_check(page, label)
    # Submit from the keyboard: tab to the button and press Enter.
    page.get_by_label(texts["consent"]).focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=texts["submit"], exact=True)).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text(texts["filed"])
    radicado = page.locator("#radicado").inner_text()
    assert radicado.startswith("PQRSD-")
    expect(page.locator("#tracking-code")).to_be_visible()
    screenshot(page, f"pqr-online-form-landing-{lang}")
    axe_check(page)
    case = Case.objects.get(radicado=radicado)
    assert case.online_form.slug == "solicitud-certificado-de-residencia"
    assert case.anonymous and "San Mateo" in case.description
