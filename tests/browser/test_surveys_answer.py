"""A registered citizen answers a two-step survey in Chromium: sign in, both steps,
thank-you page and the results chart; axe-core on every screen."""

import json
import re
from datetime import timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from tests.surveys.conftest import definition

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CITIZEN = "ciudadana@soacha.example"
PASSWORD = "soacha-demo-2026"  # noqa: S105 - the documented demo password


def create_survey():
    from wagtail.models import Site

    from surveys.models import SurveyPage

    home = Site.objects.get(is_default_site=True).root_page
    survey = SurveyPage(
        title="Encuesta del navegador",
        slug="encuesta-navegador",
        introduction="Una encuesta en dos pasos.",
        questions=json.dumps(definition()),
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=1),
        audience=SurveyPage.AUDIENCE_VERIFIED,
        results_visibility=SurveyPage.RESULTS_PUBLIC,
    )
    home.add_child(instance=survey)
    survey.save_revision().publish()
    return survey


@pytest.mark.browser
def test_citizen_answers_multi_step_survey_and_sees_results(
    page, portal_url, screenshot, axe_check
):
    """Sign in, answer both steps, see thanks and the SVG chart; axe 0 violations."""
    from surveys.models import Response

    survey = create_survey()
    page.goto(f"{portal_url}{survey.url}")
    expect(page.locator("h1")).to_have_text("Encuesta del navegador")
    axe_check(page)
    page.locator("main a", has_text="Iniciar sesión").click()

    expect(page).to_have_url(re.compile(r"/es/cuentas/login/"))
    page.locator("input[name='login']").fill(CITIZEN)
    page.locator("input[name='password']").fill(PASSWORD)
    page.locator("main form button[type='submit']").click()
    expect(page).to_have_url(re.compile(re.escape(survey.url) + "$"))

    expect(page.locator("text=Paso 1 de 2")).to_be_visible()
    axe_check(page)
    # Sending step 1 empty shows the linked error summary.
    page.get_by_role("button", name="Paso siguiente").click()
    expect(page.locator(".error-summary")).to_be_visible()
    axe_check(page)
    page.get_by_label("Buscador").check()
    page.get_by_label("Trámites").check()
    page.get_by_label("Noticias").check()
    page.get_by_role("group", name=re.compile("fácil")).get_by_label("4", exact=True).check()
    screenshot(page, "survey-step-1")
    page.get_by_role("button", name="Paso siguiente").click()

    expect(page.locator("text=Paso 2 de 2")).to_be_visible()
    axe_check(page)
    page.get_by_role("group", name=re.compile("Encontró")).get_by_label("Sí", exact=True).check()
    page.get_by_label("¿Qué mejoraría?").fill("Más trámites en línea")
    screenshot(page, "survey-step-2")
    page.get_by_role("button", name="Enviar mis respuestas").click()

    expect(page).to_have_url(re.compile(r"/gracias/$"))
    expect(page.locator("h1")).to_have_text("Gracias por sus respuestas")
    axe_check(page)
    page.get_by_role("link", name="Ver los resultados").click()

    expect(page.locator("h1")).to_contain_text("Resultados")
    expect(page.locator(".survey-chart").first).to_be_visible()
    expect(page.locator("table.survey-table").first).to_be_visible()
    screenshot(page, "survey-results")
    axe_check(page)
    assert Response.objects.filter(survey=survey, user__email=CITIZEN).count() == 1


@pytest.mark.browser
def test_page_feedback_is_sent_without_a_csrf_token(page, portal_url, axe_check):
    """Chromium sends the token-less widget (its Origin is checked): thanks message,
    one opinion stored, sending again from the same browser updates it."""
    from surveys.models import PageFeedback

    page.goto(f"{portal_url}/es/noticias/")
    widget = page.locator("aside.page-feedback")
    expect(widget.locator("input[name='csrfmiddlewaretoken']")).to_have_count(0)
    widget.get_by_label("No", exact=True).check()
    widget.locator("summary").click()
    widget.get_by_label(re.compile("mejorarla")).fill("Faltan las fechas")
    widget.get_by_role("button", name="Enviar").click()

    expect(page).to_have_url(re.compile(r"/es/noticias/$"))
    expect(page.locator("text=Gracias por su opinión")).to_be_visible()
    axe_check(page)
    page.locator("aside.page-feedback").get_by_label("Sí", exact=True).check()
    page.locator("aside.page-feedback").get_by_role("button", name="Enviar").click()
    expect(page.locator("text=Gracias por su opinión")).to_be_visible()
    stored = PageFeedback.objects.get(page__url_path__endswith="/noticias/")
    assert stored.useful is True and stored.comment == "Faltan las fechas"
