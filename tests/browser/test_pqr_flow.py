"""PQRSD end to end in Chromium: file anonymously, track, answer in the admin, see it;
an incomplete petition paused by staff and completed by the citizen."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _login_cookie(portal_url, user):
    """A session cookie for ``user`` (the admin login form is tested elsewhere)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return {
        "name": "sessionid",
        "value": client.cookies["sessionid"].value,
        "url": portal_url,
    }


@pytest.mark.browser
def test_file_track_answer(page, browser, portal_url, screenshot, axe_check, make_user):
    """A citizen files anonymously and tracks; an official answers; the citizen sees it."""
    page.goto(f"{portal_url}/es/pqrsd/")
    expect(page.locator("h1")).to_have_count(1)
    axe_check(page)

    # Submitting empty shows the linked error summary, still accessible.
    page.get_by_role("button", name="Radicar").click()
    expect(page.locator("#error-summary")).to_be_visible()
    axe_check(page)

    page.get_by_label("Asunto").fill("Luminaria dañada")
    page.get_by_label("Descripción").fill("La luminaria del parque principal no enciende.")
    page.get_by_label("Radicar de forma anónima").check()
    page.get_by_label("Publicación en este sitio web").check()
    page.get_by_label("He leído el aviso de privacidad").check()
    page.get_by_role("button", name="Radicar").click()

    expect(page.locator("h1")).to_have_text("Su solicitud fue radicada")
    radicado = page.locator("#radicado").inner_text()
    code = page.locator("#tracking-code").inner_text()
    assert radicado.startswith("PQRSD-")
    screenshot(page, "pqr-acknowledgement")
    axe_check(page)

    page.get_by_role("link", name="Consultar estado").first.click()
    expect(page.locator("#case-status")).to_have_text("Recibida")
    axe_check(page)

    official = make_user("oficina@test.example", is_superuser=True, is_staff=True)
    staff = browser.new_context(locale="es-CO")
    staff.add_cookies([_login_cookie(portal_url, official)])
    admin = staff.new_page()
    admin.goto(f"{portal_url}/admin/pqrsd/")
    admin.get_by_role("link", name=radicado).click()
    form = admin.locator("#form-transition")
    form.get_by_label("Nuevo estado").select_option("answered")
    form.get_by_label("Respuesta", exact=True).fill("La luminaria fue reparada el día de hoy.")
    form.get_by_role("button", name="Guardar").click()
    expect(admin.locator("body")).to_contain_text("actualizado")
    staff.close()

    page.goto(f"{portal_url}/es/pqrsd/consulta/?radicado={radicado}&codigo={code}")
    expect(page.locator("#case-status")).to_have_text("Respondida")
    expect(page.locator("#case-answer")).to_contain_text("La luminaria fue reparada")
    screenshot(page, "pqr-tracking-answered")
    axe_check(page)

    # With no address, the answer is also published on the public list.
    page.get_by_role("link", name="Respuestas a peticiones anónimas").first.click()
    expect(page.locator("#anonymous-answers")).to_contain_text(radicado)
    expect(page.locator("#anonymous-answers")).to_contain_text("La luminaria fue reparada")
    expect(page.locator("#anonymous-answers")).not_to_contain_text("Luminaria dañada")
    axe_check(page)


def _staff_page(browser, portal_url, user):
    context = browser.new_context(locale="es-CO")
    context.add_cookies([_login_cookie(portal_url, user)])
    return context, context.new_page()


@pytest.mark.browser
def test_incomplete_petition_completed(page, browser, portal_url, screenshot, axe_check, make_user):
    """Staff ask to complete; the citizen sees the paused term and supplies the rest."""
    from pqr.filing import file_case

    filed = file_case(
        {
            "petition_type": "documents",
            "subject": "Copia de licencia",
            "description": "Solicito copia de la licencia de construcción.",
            "anonymous": True,
            "answer_channel": "web",
            "consent": True,
        }
    )
    radicado, code = filed.case.radicado, filed.code

    official = make_user("oficina2@test.example", is_superuser=True, is_staff=True)
    staff, admin = _staff_page(browser, portal_url, official)
    admin.goto(f"{portal_url}/admin/pqrsd/{filed.case.pk}/")
    form = admin.locator("#form-transition")
    form.get_by_label("Nuevo estado").select_option("incomplete")
    form.get_by_label("Mensaje para el ciudadano").fill("Indique el número de la licencia.")
    form.get_by_role("button", name="Guardar").click()
    expect(admin.locator("#suspended-flag")).to_be_visible()
    staff.close()

    page.goto(f"{portal_url}/es/pqrsd/consulta/?radicado={radicado}&codigo={code}")
    expect(page.locator("#case-status")).to_have_text("Solicitud de completar")
    expect(page.locator("#case-due")).to_contain_text("Término suspendido")
    expect(page.locator("#completion-request")).to_contain_text("número de la licencia")
    screenshot(page, "pqr-tracking-suspended")
    axe_check(page)

    # An empty submission is refused with the error summary, still accessible.
    page.get_by_role("button", name="Enviar la información faltante").click()
    expect(page.locator("#error-summary")).to_be_visible()
    axe_check(page)

    page.get_by_label("Información faltante").fill("Licencia 25754-1-26-0001.")
    page.get_by_role("button", name="Enviar la información faltante").click()
    expect(page.locator("#case-status")).to_have_text("En trámite")
    expect(page.locator(".pqr-history")).to_contain_text("Licencia 25754-1-26-0001.")
    expect(page.locator("#completion")).to_have_count(0)
    screenshot(page, "pqr-tracking-completed")
    axe_check(page)


@pytest.mark.browser
def test_tracking_form_posts_and_leaves_no_code_in_the_address(page, portal_url, axe_check):
    """The lookup is a POST form (its CSRF check passes in a real browser under the
    page's referrer policy) and the case opens at an address without the code."""
    from pqr.filing import file_case

    filed = file_case(
        {
            "petition_type": "general",
            "subject": "Semáforo apagado",
            "description": "El semáforo de la calle 13 no funciona.",
            "anonymous": True,
            "answer_channel": "web",
            "consent": True,
        }
    )
    page.goto(f"{portal_url}/es/pqrsd/consulta/")
    page.get_by_label("Número de radicado").fill(filed.case.radicado)
    page.get_by_label("Código de consulta").fill(filed.code)
    page.get_by_role("button", name="Consultar", exact=True).click()
    expect(page.locator("#case-status")).to_have_text("Recibida")
    assert filed.code not in page.url and filed.case.radicado in page.url
    axe_check(page)
    page.reload()
    expect(page.locator("#case-status")).to_have_text("Recibida")
