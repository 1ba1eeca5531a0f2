"""Every public URL kind is either shareable by a shared cache or personal, never the
unsafe mix (cms.http_caching): shareable responses set no cookie, do not vary on Cookie
and say ``public`` with an ``s-maxage``; anything that sets a cookie or answers a
signed-in visitor is ``private, no-store``.

The URLs are the crawl of the HTML validity test: one live page of every page class in
each language, their routable sub-pages, and every public view of
``tests/fuzz_samples.py``."""

from django.test import Client

from wagtail.models import Page

import pytest

from tests.cms.test_html_validity import one_page_per_type, subpage_urls, view_urls
from tests.fuzz_samples import load_demo

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}


def varies_on_cookie(response):
    return "cookie" in [v.strip().lower() for v in response.get("Vary", "").split(",")]


def crawl(site, citizen):
    demo = load_demo(site, citizen)
    pages = one_page_per_type()
    urls = [page.url for page in pages]
    urls += [url for page in pages for url in subpage_urls(page)]
    urls += view_urls(demo)
    return list(dict.fromkeys(urls))


@pytest.mark.engine_neutral
def test_every_public_url_kind_is_shareable_or_personal_never_both(demo_site, citizen):
    client = Client()
    shareable, personal = [], []
    for url in crawl(demo_site, citizen):
        response = client.get(url)
        client.cookies.clear()  # each URL as a first-time visitor
        parts = cache_control(response)
        if "public" in parts:
            assert not response.cookies, f"{url}: a shareable response sets a cookie"
            assert not varies_on_cookie(response), f"{url}: a shareable response varies on Cookie"
            assert "max-age" in parts, url  # and s-maxage, unless the view set its own
            assert "private" not in parts, url
            shareable.append(url)
        else:
            assert "private" in parts, f"{url}: {response.status_code} without private or public"
            personal.append(url)
    # The reading pages a crowd opens are shareable, in both languages.
    assert "/es/" in shareable and "/en/" in shareable  # the home page and its quick poll
    for expected in (
        "/es/noticias/",
        "/en/noticias/",
        "/es/transparencia/",
        "/es/buscar/",
        "/es/estadisticas-de-uso/",
    ):
        assert any(url.startswith(expected) for url in shareable), (expected, shareable[:20])
    assert len(shareable) > len(personal)
    assert "/es/pqrsd/" in personal


@pytest.mark.parametrize("url", ["/es/noticias/actualidad/", "/en/transparencia/"])
def test_a_signed_in_visitor_gets_a_personal_page_that_names_them(client, citizen, url):
    anonymous = client.get(url)
    assert "public" in cache_control(anonymous)
    client.force_login(citizen)
    response = client.get(url)
    assert {"private", "no-store"} <= cache_control(response)
    assert varies_on_cookie(response)
    html = response.content.decode()
    assert "/mi-cuenta/" in html and "/mi-cuenta/" not in anonymous.content.decode()


def test_a_visitor_holding_a_csrf_cookie_never_gets_a_form_page_marked_shareable(client):
    first = client.get("/es/pqrsd/")
    assert "csrftoken" in first.cookies
    again = client.get("/es/pqrsd/")  # the cookie is sent back now
    assert "public" not in cache_control(again)


@pytest.mark.parametrize(
    "url", ["/es/mi-cuenta/", "/es/mi-cuenta/eliminar/", "/admin/", "/es/pqrsd/consulta/"]
)
def test_personal_pages_are_private_and_not_stored(client, citizen, editor, url):
    client.force_login(editor if url.startswith("/admin/") else citizen)
    response = client.get(url)
    assert response.status_code in (200, 302), response.status_code
    assert {"private", "no-store"} <= cache_control(response), response.get("Cache-Control")


def test_a_preview_is_private(client, editor, demo_site):
    client.force_login(editor)
    page = Page.objects.filter(locale__language_code="es", depth=2).first().specific
    page.save_revision()
    response = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)


def test_a_post_is_never_marked_shareable(client):
    response = client.post("/es/buscar/", {"q": "agua"})
    assert "public" not in cache_control(response)


def test_an_anonymous_404_is_shareable(client):
    response = client.get("/es/no-existe-esta-pagina/")
    assert response.status_code == 404
    assert "public" in cache_control(response)


def test_a_page_that_reads_the_visitors_poll_cookie_is_personal(client, demo_site):
    home = client.get("/es/")
    assert 'action="/es/encuestas/votar/"' in home.content.decode()
    assert "public" in cache_control(home)  # the poll's form holds no CSRF token
    form = home.content.decode()
    page = form.split('name="page" value="', 1)[1].split('"', 1)[0]
    poll = form.split('name="poll" value="', 1)[1].split('"', 1)[0]
    option = form.split('name="option" value="', 1)[1].split('"', 1)[0]
    client.post(
        "/es/encuestas/votar/",
        {"page": page, "poll": poll, "option": option},
        HTTP_ORIGIN="http://testserver",
    )
    assert "soacha_encuestas" in client.cookies
    client.get("/es/")  # reads the vote's message
    voted = client.get("/es/")
    assert 'action="/es/encuestas/votar/"' not in voted.content.decode()
    assert {"private", "no-store"} <= cache_control(voted)
