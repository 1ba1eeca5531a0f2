"""The GEL action plan page in a real Chromium, in Spanish and English: one h1, the
right language, and axe-core finds no WCAG 2.1 A/AA violation (progress bars included)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
def test_the_action_plan_page_passes_axe(page, portal_url, screenshot, axe_check, language):
    page.goto(f"{portal_url}/{language}/gobierno-en-linea/plan-de-accion/")
    expect(page.locator("h1")).to_have_count(1)
    assert page.locator("html").get_attribute("lang") == ("es-CO" if language == "es" else "en")
    expect(page.locator("li.gel-action")).to_have_count(22)
    screenshot(page, f"gel-action-plan-{language}")
    axe_check(page)


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
def test_the_bimonthly_report_passes_axe(page, portal_url, screenshot, axe_check, language):
    from django.utils import timezone

    from wagtail.models import Locale

    from gel.periods import Period
    from gel.report_page import BimonthlyReportPage

    period = Period.last_complete(timezone.localdate())
    report = BimonthlyReportPage.objects.get(period_key=f"es:{period.label}")
    if language == "en":
        report = report.get_translation(Locale.objects.get(language_code="en"))
    page.goto(f"{portal_url}{report.url}")
    expect(page.locator("h1")).to_have_count(1)
    assert page.locator("html").get_attribute("lang") == ("es-CO" if language == "es" else "en")
    tables = page.locator("table").count()
    assert tables >= 5  # criteria, plan, PQRSD (and by type when the period had cases), ...
    expect(page.locator("table caption")).to_have_count(tables)
    expect(page.locator("a[href$='/pdf/']")).to_have_count(1)
    screenshot(page, f"gel-bimonthly-report-{language}")
    axe_check(page)
