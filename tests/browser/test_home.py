"""The home page in a real Chromium: content and language, the language switcher,
keyboard access (skip link, focus indicator, main menu) and axe-core checks."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# How many Tab presses may be needed to walk through the header and main menu.
MAX_TABS = 40

FOCUS_STYLE_JS = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
        boxShadow: style.boxShadow,
    };
}"""

ACTIVE_HREF_JS = "() => document.activeElement && document.activeElement.getAttribute('href')"


def html_lang(page):
    return page.locator("html").get_attribute("lang")


def english_home_title(home):
    from wagtail.models import Locale

    return home.get_translation(Locale.objects.get(language_code="en")).title


@pytest.mark.browser
def test_home_in_spanish_then_english_via_switcher(
    page, portal_url, demo_site, screenshot, axe_check
):
    """Home is Spanish (es-CO), then English via the switcher; right h1, no axe violations."""
    home = demo_site.root_page
    page.goto(f"{portal_url}/es/")

    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(home.title)
    assert html_lang(page) == "es-CO"
    screenshot(page, "home-es")
    axe_check(page)

    page.get_by_role("link", name="English", exact=True).click()

    expect(page).to_have_url(re.compile(r"/en/$"))
    assert html_lang(page) == "en"
    expect(page.locator("h1")).to_have_text(english_home_title(home))
    screenshot(page, "home-en")
    axe_check(page)


@pytest.mark.browser
def test_skip_link_is_first_focusable_and_visible_on_focus(page, portal_url):
    """The first Tab focuses the skip link, shown with an outline; Enter moves focus to main."""
    page.goto(f"{portal_url}/es/")
    skip_link = page.locator("a.skip-link")
    assert skip_link.bounding_box()["y"] < 0, "the skip link should be off-screen until focused"

    page.keyboard.press("Tab")

    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    assert skip_link.get_attribute("href") == "#contenido"
    focus_style = page.evaluate(FOCUS_STYLE_JS)
    assert focus_style["outlineStyle"] != "none", focus_style
    assert focus_style["outlineWidth"] > 0, focus_style

    page.keyboard.press("Enter")

    expect(page.locator("main#contenido")).to_be_focused()


@pytest.mark.browser
def test_main_menu_links_are_reachable_by_keyboard_with_visible_focus(page, portal_url):
    """Tab reaches every main menu link in order, each with a visible focus outline."""
    page.goto(f"{portal_url}/es/")
    menu_hrefs = page.locator("nav.main-nav a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert len(menu_hrefs) >= 2, "the demo main menu should have several links"

    reached = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        in_menu = page.evaluate("() => !!document.activeElement.closest('nav.main-nav')")
        if not in_menu:
            if reached:
                break
            continue
        reached.append(page.evaluate(ACTIVE_HREF_JS))
        focus_style = page.evaluate(FOCUS_STYLE_JS)
        assert focus_style["outlineStyle"] != "none", (reached[-1], focus_style)
        assert focus_style["outlineWidth"] > 0, (reached[-1], focus_style)

    assert reached == menu_hrefs


@pytest.mark.browser
def test_home_reflows_without_horizontal_scrolling_at_320_px(page, portal_url, screenshot):
    """At 320 CSS px wide (WCAG 1.4.10 reflow) the home page needs no horizontal scrolling."""
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{portal_url}/es/")

    screenshot(page, "home-es-320px")
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"the page is {scroll_width} px wide in a 320 px viewport"


@pytest.mark.browser
def test_a_visitor_votes_in_the_home_poll_without_a_csrf_token(page, portal_url, demo_site):
    """The poll's form holds no token: Chromium's Origin header is what lets the vote in;
    the page then thanks the visitor and shows the results."""
    from surveys.models import PollVote

    page.goto(f"{portal_url}/es/")
    poll = page.locator(".quick-poll")
    assert poll.locator("input[name=csrfmiddlewaretoken]").count() == 0
    poll.locator("input[type=radio]").first.check()
    poll.get_by_role("button", name="Votar").click()
    expect(page.locator("main")).to_contain_text("Gracias: su voto fue contado.")
    expect(page.locator(".quick-poll table")).to_contain_text("100,0 %")
    assert PollVote.objects.count() == 1
