"""The video and audio blocks in a real Chromium: an external video makes no request to
its platform until the visitor presses the button (then the player's frame loads and
takes the focus, allowed by the page's CSP); the demo's self-hosted video plays its
captions and the page is axe-clean on a phone."""

from wagtail.rich_text import RichText

import pytest
from playwright.sync_api import expect

from home.models import NewsPage, StandardPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PLATFORM_HOSTS = ("youtube", "ytimg", "googlevideo", "vimeo")
DEMO_SLUG = "conozca-el-portal-en-video-y-audio"


def external_video_page(home):
    page = StandardPage(
        title="Sesión del Concejo en video",
        slug="sesion-del-concejo-en-video",
        body=[
            (
                "video",
                {
                    "title": "Sesión del Concejo",
                    "file": None,
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "captions": [],
                    "poster": None,
                    "transcript": RichText("<p>Transcripción de la sesión.</p>"),
                },
            )
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.browser
def test_external_video_requests_nothing_before_the_click(page, portal_url, demo_site):
    target = external_video_page(demo_site.root_page)
    requests = []

    def refuse(route):
        requests.append(route.request.url)
        route.abort()

    for host in PLATFORM_HOSTS:
        page.route(f"**/*{host}*/**", refuse)
    page.goto(f"{portal_url}{target.url}")
    page.wait_for_load_state("networkidle")
    assert requests == []
    assert page.locator("iframe").count() == 0

    button = page.get_by_role("button", name="Reproducir video (se cargará contenido de YouTube)")
    expect(button).to_be_visible()
    button.focus()
    page.keyboard.press("Enter")  # operable from the keyboard

    frame = page.locator("iframe.media-block__frame")
    expect(frame).to_have_attribute("title", "Sesión del Concejo")
    expect(frame).to_be_focused()
    for _ in range(50):  # the frame's request reaches the route asynchronously
        if requests:
            break
        page.wait_for_timeout(100)
    assert requests and all("youtube-nocookie.com/embed/dQw4w9WgXcQ" in url for url in requests)
    expect(page.get_by_role("link", name="Ver “Sesión del Concejo” en YouTube")).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
def test_demo_video_plays_captions_and_is_accessible_on_a_phone(
    page, portal_url, screenshot, axe_check, language
):
    page.set_viewport_size({"width": 390, "height": 844})
    news = NewsPage.objects.get(slug=DEMO_SLUG, locale__language_code="es")
    if language == "en":
        news = news.get_translations().get(locale__language_code="en")
    statuses = []
    page.on(
        "response",
        lambda response: statuses.append(response.status) if ".webm" in response.url else None,
    )
    page.goto(f"{portal_url}{news.url}")
    video = page.locator("video.media-block__player")
    expect(video).to_have_count(1)
    # The document view serves the file and the WebVTT (text/vtt) that the player reads.
    page.wait_for_function("() => document.querySelector('video').readyState >= 1", timeout=10_000)
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('video track'))"
        ".some((t) => t.default && t.readyState === 2 && t.track.cues.length > 0)",
        timeout=10_000,
    )
    assert 206 in statuses  # fetched by ranges (cms.media_ranges), as Safari requires
    showing = page.evaluate(
        "() => Array.from(document.querySelector('video').textTracks)"
        ".filter((t) => t.mode === 'showing').map((t) => t.language)"
    )
    assert showing == [language]
    summary = page.locator("details.transcript summary").first
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("details.transcript").first).to_have_attribute("open", "")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    screenshot(page, f"media-demo-{language}-390")
    axe_check(page)
