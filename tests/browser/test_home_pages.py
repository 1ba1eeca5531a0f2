"""One page of every general page type, in Spanish and English, in a real Chromium:
one h1, breadcrumbs, and no axe-core WCAG 2.1 A/AA violation."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    ("news-index", "noticias/actualidad/"),
    ("news-page", "noticias/actualidad/jornada-de-vacunacion-en-compartir/"),
    ("event-index", "noticias/agenda/?year=2026&month=12"),
    ("event-page", "noticias/agenda/feria-mujeres-emprendedoras/"),
    ("faq", "atencion-ciudadania/preguntas-frecuentes/"),
    ("glossary", "atencion-ciudadania/glosario/"),
    ("children", "atencion-ciudadania/ninos-y-ninas/"),
    ("audience", "atencion-ciudadania/grupos-de-interes/mujeres/"),
    ("standard", "politica-de-privacidad/"),
]


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
def test_every_home_page_type_is_accessible(page, portal_url, screenshot, axe_check, language):
    """Each general page type renders with one h1 and breadcrumbs and passes axe."""
    for name, path in PAGES:
        page.goto(f"{portal_url}/{language}/{path}")
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator("nav.breadcrumbs")).to_have_count(1)
        screenshot(page, f"home-{name}-{language}")
        axe_check(page)
