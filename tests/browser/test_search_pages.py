"""The search page in a real Chromium: results with highlighted matches, filters, the
no-results help, the header search box, and axe-core checks (0 violations)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def searchable_page(demo_site):
    """A published Spanish page with words to search for."""
    from home.models import StandardPage

    home = demo_site.root_page.specific
    page = StandardPage(
        title="Trámite de licencia de construcción",
        slug="tramite-licencia-construccion",
        introduction="Requisitos y pasos del trámite de licencia de construcción en Soacha.",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.browser
def test_search_from_the_header_shows_highlighted_results(
    page, portal_url, searchable_page, screenshot, axe_check
):
    """Typing in the header box and pressing Enter lists the page, with <mark>ed words."""
    page.goto(f"{portal_url}/es/")
    page.get_by_label("Buscar en el portal").first.fill("tramite licencias")
    page.keyboard.press("Enter")
    page.wait_for_url("**/es/buscar/?q=*")
    expect(page.locator("h1")).to_have_count(1)
    result = page.locator(".search-result").filter(has_text="Trámite de licencia de construcción")
    expect(result.first).to_be_visible()
    expect(result.first.locator("mark").first).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("resultado")
    screenshot(page, "search-results")
    axe_check(page)


@pytest.mark.browser
def test_type_filter_works_without_javascript_changes(page, portal_url, searchable_page, axe_check):
    """The type filter is a labelled select that narrows the results on submit."""
    page.goto(f"{portal_url}/es/buscar/?q=licencia")
    page.get_by_label("Tipo").select_option("home.standardpage")
    page.get_by_role("button", name="Aplicar filtros").click()
    page.wait_for_url("**type=home.standardpage**")
    expect(page.locator(".search-result").first).to_be_visible()
    axe_check(page)


@pytest.mark.browser
def test_no_results_page_offers_help(page, portal_url, demo_site, screenshot, axe_check):
    """A query with no results shows the help with links to trámites and the PQRSD form."""
    page.goto(f"{portal_url}/es/buscar/?q=xyzzyinexistente")
    expect(page.get_by_role("heading", name="No encontramos nada para su búsqueda")).to_be_visible()
    expect(page.locator(".search-empty a[href$='/pqrsd/']")).to_have_count(1)
    screenshot(page, "search-no-results")
    axe_check(page)


@pytest.mark.browser
def test_empty_search_page_is_accessible(page, portal_url, demo_site, axe_check):
    """The search page without a query shows the form and passes axe."""
    page.goto(f"{portal_url}/en/buscar/")
    expect(page.locator("h1")).to_have_text("Search the portal")
    axe_check(page)


@pytest.mark.browser
def test_header_box_suggests_titles_while_typing(page, portal_url, searchable_page, axe_check):
    """Typing in the header box fills its datalist from the suggestions endpoint, with
    debounced requests; the box keeps its label and focus, and axe still passes."""
    requests = []
    page.on(
        "request",
        lambda request: "/buscar/sugerencias/" in request.url and requests.append(request),
    )
    page.goto(f"{portal_url}/es/")
    box = page.get_by_label("Buscar en el portal").first
    expect(box).to_have_attribute("list", "site-search-suggestions")
    options = page.locator("#site-search-suggestions option")
    expect(options).to_have_count(0)

    box.press_sequentially("licencia constr", delay=20)
    expect(
        page.locator("#site-search-suggestions option[value='Trámite de licencia de construcción']")
    ).to_have_count(1)
    expect(box).to_be_focused()
    assert 1 <= len(requests) < len("licencia constr")
    axe_check(page)

    box.fill("")
    box.press_sequentially("xyzzyinexistente", delay=20)
    expect(options).to_have_count(0)
    box.press("Enter")
    page.wait_for_url("**/es/buscar/?q=xyzzyinexistente")


@pytest.mark.browser
def test_header_search_works_without_javascript(browser, portal_url, searchable_page):
    """With JavaScript off the header box is a plain form: no suggestions, same results."""
    context = browser.new_context(locale="es-CO", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{portal_url}/es/")
        page.get_by_label("Buscar en el portal").first.fill("tramite licencias")
        page.get_by_role("button", name="Buscar", exact=True).first.click()
        page.wait_for_url("**/es/buscar/?q=*")
        expect(page.locator("#site-search-suggestions option")).to_have_count(0)
        expect(
            page.locator(".search-result").filter(has_text="Trámite de licencia de construcción")
        ).to_have_count(1)
    finally:
        context.close()
