"""One page of every transparency page type, in Spanish and English, in a real Chromium:
it renders with its h1 and the right language, and axe-core finds no WCAG 2.1 A/AA
violation (the charts, tables, filters and the menu included)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def one_page_per_type():
    """(type name, language, URL path) for the first live page of each type."""
    from wagtail.models import Page

    seen, pages = set(), []
    for page in (
        Page.objects.live()
        .filter(content_type__app_label="transparency")
        .select_related("content_type", "locale")
        .order_by("path")
    ):
        key = (page.content_type.model, page.locale.language_code)
        if key not in seen:
            seen.add(key)
            pages.append((*key, page.url))
    return pages


@pytest.mark.browser
def test_every_transparency_page_type_passes_axe_in_both_languages(
    page, portal_url, screenshot, axe_check
):
    """Each type, es and en: one h1, html lang, breadcrumbs, and 0 axe violations."""
    pages = one_page_per_type()
    assert len(pages) == 32, pages  # 16 page types × 2 languages
    failures = []
    for model, language, path in pages:
        page.goto(f"{portal_url}{path}")
        expect(page.locator("h1")).to_have_count(1)
        assert page.locator("html").get_attribute("lang") == ("es-CO" if language == "es" else "en")
        expect(page.locator("nav.breadcrumbs")).to_have_count(1)
        if model in {"transparencypage", "indicatorspage", "procedureindexpage"}:
            screenshot(page, f"transparency-{model}-{language}")
        try:
            axe_check(page)
        except pytest.fail.Exception as error:
            failures.append(str(error))
    assert not failures, "\n\n".join(failures)
