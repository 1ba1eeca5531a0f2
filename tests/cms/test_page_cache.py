"""The in-process page cache (cms.page_cache), the fallback without Varnish: it keeps
only shareable pages, never answers a personal request from the cache, and a publish
or a settings change is seen on the next request."""

from pathlib import Path

from wagtail.models import Page

import pytest

from cms.http_caching import PERSONAL_COOKIES
from cms.models import EntitySettings
from surveys.services import BROWSER_COOKIE
from surveys.views.feedback import COOKIE as FEEDBACK_COOKIE

pytestmark = pytest.mark.django_db

LISTING = "/es/noticias/actualidad/"
VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def test_a_shareable_page_is_served_from_the_cache_without_a_query(
    client, demo_site, django_assert_num_queries
):
    first = client.get(LISTING)
    assert first.get("X-Cache") is None
    with django_assert_num_queries(0):
        second = client.get(LISTING)
    assert second.status_code == 200 and second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "public" in second["Cache-Control"]


def test_it_is_off_when_the_setting_says_so(client, demo_site, settings):
    settings.PAGE_CACHE = False
    client.get(LISTING)
    assert client.get(LISTING).get("X-Cache") is None


def test_a_publish_is_seen_on_the_next_request(client, demo_site):
    page = Page.objects.get(url_path__endswith="/noticias/actualidad/", locale__language_code="es")
    child = page.get_children().live().first().specific
    client.get(LISTING)
    assert client.get(LISTING)["X-Cache"] == "HIT"
    child.title = "Titular corregido"
    child.save_revision().publish()
    response = client.get(LISTING)
    assert response.get("X-Cache") is None
    assert "Titular corregido" in response.content.decode()


def test_an_entity_settings_change_is_seen_on_the_next_request(client, demo_site):
    client.get(LISTING)
    assert client.get(LISTING)["X-Cache"] == "HIT"
    entity = EntitySettings.for_site(demo_site)
    entity.phone = "+57 601 999 0000"
    entity.save()
    response = client.get(LISTING)
    assert response.get("X-Cache") is None
    assert "+57 601 999 0000" in response.content.decode()


def test_a_signed_in_visitor_never_gets_a_cached_page(client, demo_site, citizen):
    anonymous = client.get(LISTING)
    client.get(LISTING)
    client.force_login(citizen)
    for _ in range(2):
        response = client.get(LISTING)
        assert response.get("X-Cache") is None
        assert "/es/mi-cuenta/" in response.content.decode()
    assert "/es/mi-cuenta/" not in anonymous.content.decode()


def test_a_visitor_holding_a_poll_cookie_is_not_answered_from_the_cache(client, demo_site):
    client.get("/es/")
    client.cookies[BROWSER_COOKIE.name] = "x"
    assert client.get("/es/").get("X-Cache") is None


def test_personal_pages_and_posts_are_never_stored(client, demo_site):
    for _ in range(2):
        assert client.get("/es/pqrsd/").get("X-Cache") is None
        client.cookies.clear()
    for _ in range(2):
        assert client.post("/es/buscar/", {"q": "agua"}).get("X-Cache") is None


def test_every_personal_cookie_is_known_to_the_cache_and_to_varnish():
    assert {BROWSER_COOKIE.name, FEEDBACK_COOKIE.name} <= set(PERSONAL_COOKIES)
    vcl = VCL.read_text()
    personal = vcl[vcl.index("(sessionid|") :].split(")", 1)[0]
    for name in PERSONAL_COOKIES:
        assert name in personal, name
