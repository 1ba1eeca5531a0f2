"""'Mi cuenta' in a real Chromium: axe-clean at phone and desktop width, in Spanish
and English, for a citizen with petitions, a survey response and comments."""

from datetime import timedelta

from django.test import Client

import pytest
from playwright.sync_api import expect

from tests.fuzz_samples import SAMPLE_PETITION

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def active_citizen(make_user, demo_site):
    from participation import contributions
    from participation.models import DebateIndexPage
    from pqr.filing import file_case
    from surveys.models import Response, SurveyPage
    from tests.participation.conftest import make_debate

    user = make_user("cuenta.navegador@test.example")
    for n in range(3):
        file_case({**SAMPLE_PETITION, "subject": f"Petición de prueba {n}"}, user=user)
    survey = SurveyPage.objects.live().filter(locale__language_code="es").first()
    if survey is not None:
        Response.objects.create(survey=survey, user=user)
    index = DebateIndexPage.objects.filter(locale__language_code="es").first()
    debate = make_debate(index, "debate-cuenta-navegador", -timedelta(days=1), timedelta(days=5))
    root = contributions.post_comment(user, debate, "Mi comentario de prueba", "es")
    contributions.follow(user, debate, thread=root)
    return user


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("width", [390, 1366])
def test_my_account_is_axe_clean(
    browser, portal_url, active_citizen, screenshot, axe_check, language, width
):
    client = Client()
    client.force_login(active_citizen)
    context = browser.new_context(locale="es-CO", viewport={"width": width, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": portal_url}]
    )
    page = context.new_page()
    try:
        response = page.goto(f"{portal_url}/{language}/mi-cuenta/")
        assert response.status == 200
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator("#account-petitions li")).to_have_count(3)
        expect(page.locator("#account-participation a[href*='#comentario-']")).to_have_count(1)
        # nothing wider than the screen at phone width
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        screenshot(page, f"my-account-{language}-{width}")
        axe_check(page)
    finally:
        context.close()
