"""The header on a phone and a desktop in Chromium: a compact header with a disclosure
menu button (the menu stays reachable without JavaScript), no horizontal scrolling at
320 px, and checkboxes and radio buttons of at least 24 × 24 px (WCAG 2.2, 2.5.8)."""

import json
from datetime import timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DEFAULT_TIMEOUT_MS
from tests.surveys.conftest import definition

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1366, "height": 900}
#: Where the content may start on a phone with the menu closed (it was about 500 px).
MAX_MAIN_TOP_PX = 160
MIN_TARGET_PX = 24

MAIN_TOP_JS = "() => document.querySelector('main').getBoundingClientRect().top + window.scrollY"
OVERFLOW_JS = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def open_page(browser):
    """``open_page(viewport, java_script=True)``: a page in a fresh context."""
    contexts = []

    def factory(viewport, java_script=True):
        context = browser.new_context(
            locale="es-CO", viewport=viewport, java_script_enabled=java_script
        )
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield factory
    for context in contexts:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
def test_phone_menu_button_opens_and_closes_the_menu(
    open_page, portal_url, screenshot, axe_check, language
):
    """At 390 px the content starts near the top; the menu button discloses the search,
    language links and menu, flips aria-expanded, and Escape closes it."""
    page = open_page(PHONE)
    page.goto(f"{portal_url}/{language}/")
    toggle = page.locator("header .menu-toggle")
    menu_links = page.locator("nav.main-nav a")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu_links.first).to_be_hidden()
    expect(page.locator("#site-search-q")).to_be_hidden()
    main_top = page.evaluate(MAIN_TOP_JS)
    assert main_top < MAX_MAIN_TOP_PX, f"<main> starts {main_top} px down at 390 px"
    screenshot(page, f"header-390-{language}-closed")
    axe_check(page)

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    assert menu_links.count() >= 3
    for index in range(menu_links.count()):
        expect(menu_links.nth(index)).to_be_visible()
    expect(page.locator("#site-search-q")).to_be_visible()
    expect(page.locator(".language-switcher a")).to_be_visible()
    screenshot(page, f"header-390-{language}-open")
    axe_check(page)

    menu_links.first.focus()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(menu_links.first).to_be_hidden()
    outline = toggle.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none", "the menu button's focus is not visible"

    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu_links.first).to_be_hidden()


@pytest.mark.browser
def test_phone_menu_is_reachable_without_javascript(open_page, portal_url):
    """Without JavaScript there is no dead button: the menu and search are shown."""
    page = open_page(PHONE, java_script=False)
    page.goto(f"{portal_url}/es/")
    expect(page.locator("header .menu-toggle")).to_be_hidden()
    menu_links = page.locator("nav.main-nav a")
    assert menu_links.count() >= 3
    for index in range(menu_links.count()):
        expect(menu_links.nth(index)).to_be_visible()
    expect(page.locator("#site-search-q")).to_be_visible()
    expect(page.locator(".language-switcher a")).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
def test_no_horizontal_scrolling_at_320_px(open_page, portal_url, language):
    """The home page fits 320 px with the menu closed and open."""
    page = open_page(SMALL_PHONE)
    page.goto(f"{portal_url}/{language}/")
    assert page.evaluate(OVERFLOW_JS) <= 0
    page.locator("header .menu-toggle").click()
    expect(page.locator("nav.main-nav a").first).to_be_visible()
    assert page.evaluate(OVERFLOW_JS) <= 0


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
def test_desktop_header_shows_everything_without_a_button(
    open_page, portal_url, screenshot, axe_check, language
):
    """At 1366 px the menu, search, logo and GOV.CO logotype show; no menu button."""
    page = open_page(DESKTOP)
    page.goto(f"{portal_url}/{language}/")
    expect(page.locator("header .menu-toggle")).to_be_hidden()
    expect(page.locator("nav.main-nav a").first).to_be_visible()
    expect(page.locator("#site-search-q")).to_be_visible()
    logo = page.locator(".site-brand img.site-brand__logo")
    expect(logo).to_be_visible()
    assert logo.evaluate("image => image.complete && image.naturalWidth > 0")
    govco = page.locator(".govco-bar a[href='https://www.gov.co'] svg[role='img']")
    expect(govco).to_be_visible()
    box = govco.bounding_box()
    assert box["height"] >= 16 and box["width"] > 2 * box["height"]
    screenshot(page, f"header-1366-{language}")
    axe_check(page)


def open_survey():
    from wagtail.models import Site

    from surveys.models import SurveyPage

    home = Site.objects.get(is_default_site=True).root_page
    survey = SurveyPage(
        title="Encuesta de tamaños",
        slug="encuesta-tamanos",
        introduction="Opciones para medir.",
        questions=json.dumps(definition()),
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=1),
        audience=SurveyPage.AUDIENCE_ANYONE,
        results_visibility=SurveyPage.RESULTS_PUBLIC,
    )
    home.add_child(instance=survey)
    survey.save_revision().publish()
    return survey


def small_targets(page):
    """The visible checkboxes and radio buttons of <main> smaller than 24 × 24 px."""
    controls = page.locator("main input[type='checkbox'], main input[type='radio']")
    found, small = 0, []
    for index in range(controls.count()):
        control = controls.nth(index)
        if not control.is_visible():
            continue
        found += 1
        box = control.bounding_box()
        if box["width"] < MIN_TARGET_PX or box["height"] < MIN_TARGET_PX:
            small.append((control.get_attribute("name"), box["width"], box["height"]))
    return found, small


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
def test_checkboxes_and_radio_buttons_are_24_px_targets(open_page, portal_url, viewport):
    """On the PQRSD form and a survey every checkbox and radio button is 24 × 24 px."""
    page = open_page(viewport)
    page.goto(f"{portal_url}/es/pqrsd/")
    found, small = small_targets(page)
    assert found >= 3 and not small, small

    survey = open_survey()
    page.goto(f"{portal_url}{survey.url}")
    expect(page.locator("main input[type='radio']").first).to_be_visible()
    found, small = small_targets(page)
    assert found >= 5 and not small, small
