"""The images of the home page's section cards and of the news list in a real
Chromium: described or decorative, lazy, responsive, and no horizontal scrolling on
a phone (issue 13)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

IMAGES_JS = """(selector) => Array.from(document.querySelectorAll(selector)).map((img) => ({
    alt: img.getAttribute("alt"),
    loading: img.getAttribute("loading"),
    srcset: img.getAttribute("srcset") || "",
    width: img.getAttribute("width"),
    height: img.getAttribute("height"),
}))"""

SCROLL_WIDTH_JS = "() => document.documentElement.scrollWidth"


def check_images(images):
    assert images, "no images"
    for image in images:
        # Described, or decorative with an empty alt: never a missing alt.
        assert image["alt"] is not None, image
        assert image["loading"] == "lazy", image
        assert image["srcset"].count("w,") >= 1, image
        assert image["width"] and image["height"], image


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("language", ["es", "en"])
def test_home_card_images(page, portal_url, screenshot, axe_check, width, language):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{portal_url}/{language}/")
    cards = page.locator(".section-card")
    assert cards.count() == page.locator(".section-card__image").count() > 0
    check_images(page.evaluate(IMAGES_JS, ".section-card__image"))
    assert all(image["alt"] for image in page.evaluate(IMAGES_JS, ".section-card__image"))
    page.locator(".section-cards").scroll_into_view_if_needed()
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.section-card__image'))"
        ".every((img) => img.complete && img.naturalWidth > 0)"
    )
    screenshot(page, f"home-images-{language}-{width}")
    scroll_width = page.evaluate(SCROLL_WIDTH_JS)
    assert scroll_width <= width, f"the page is {scroll_width} px wide in a {width} px viewport"
    axe_check(page)


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_news_list_images(page, portal_url, screenshot, axe_check, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{portal_url}/es/noticias/actualidad/")
    check_images(page.evaluate(IMAGES_JS, ".item-list__image"))
    screenshot(page, f"news-images-es-{width}")
    scroll_width = page.evaluate(SCROLL_WIDTH_JS)
    assert scroll_width <= width, f"the page is {scroll_width} px wide in a {width} px viewport"
    axe_check(page)
