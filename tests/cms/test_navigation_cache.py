"""The main menu and footer pages are shared between requests, yet a change to the
site shows on the very next request: new, unpublished and restricted pages."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def menu_titles(client, url="/es/"):
    html = client.get(url).content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav)


@pytest.fixture
def es_home(demo_site):
    return demo_site.root_page.specific


def add_menu_page(parent, title, slug):
    page = StandardPage(title=title, slug=slug, show_in_menus=True)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def navigation_queries(captured):
    """The navigation's lookup (menu, home pages and footer pages are read in one
    query, the only one that filters on "show in menus")."""
    marker = 'AND "wagtailcore_page"."show_in_menus"'
    return [q for q in captured.captured_queries if marker in q["sql"]]


def test_a_second_request_reuses_the_navigation(client, es_home):
    """The warm request skips the menu, home-page and footer lookups (one query)."""
    with CaptureQueriesContext(connection) as cold:
        assert client.get("/es/").status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get("/es/").status_code == 200
    assert len(navigation_queries(cold)) == 1
    assert navigation_queries(warm) == []
    assert len(warm) <= len(cold) - 1


def test_published_and_unpublished_pages_show_at_once(client, es_home):
    before = menu_titles(client)
    page = add_menu_page(es_home, "Sección recién publicada", "seccion-recien-publicada")
    assert menu_titles(client) == [*before, "Sección recién publicada"]
    page.unpublish()
    assert menu_titles(client) == before


def test_renamed_page_shows_its_new_title(client, es_home):
    page = add_menu_page(es_home, "Título viejo del menú", "titulo-menu")
    assert "Título viejo del menú" in menu_titles(client)
    page.title = "Título nuevo del menú"
    page.save_revision().publish()
    titles = menu_titles(client)
    assert "Título nuevo del menú" in titles and "Título viejo del menú" not in titles


def test_a_restricted_page_leaves_the_menu_at_once(client, es_home):
    page = add_menu_page(es_home, "Sección que será privada", "seccion-privada")
    assert "Sección que será privada" in menu_titles(client)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert "Sección que será privada" not in menu_titles(client)


def test_each_language_keeps_its_own_menu(client, es_home):
    add_menu_page(es_home, "Solo en español", "solo-en-espanol")
    assert "Solo en español" in menu_titles(client, "/es/")
    assert "Solo en español" not in menu_titles(client, "/en/")


def test_the_cache_can_be_switched_off(client, es_home, settings):
    """With NAVIGATION_CACHE_SECONDS = 0 every request looks the navigation up again
    (other caches warm in both cases, so only the navigation makes the difference)."""
    client.get("/es/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/es/")
    settings.NAVIGATION_CACHE_SECONDS = 0
    with CaptureQueriesContext(connection) as uncached:
        client.get("/es/")
    assert navigation_queries(warm) == []
    assert len(navigation_queries(uncached)) == 1
    assert len(uncached) >= len(warm) + 1


def as_worker(settings, name):
    """Point the default cache at one worker's own local-memory cache (one process of
    several behind the same database, without REDIS_URL)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"worker-{name}",
        }
    }


def test_a_page_made_private_leaves_the_menu_of_every_worker_at_once(client, es_home, settings):
    """Worker A lists the page; worker B makes it private; A's next request hides it."""
    page = add_menu_page(es_home, "Sección de otro trabajador", "seccion-otro-trabajador")
    as_worker(settings, "a")
    assert "Sección de otro trabajador" in menu_titles(client)
    as_worker(settings, "b")
    assert "Sección de otro trabajador" in menu_titles(client)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    as_worker(settings, "a")
    assert "Sección de otro trabajador" not in menu_titles(client)
    as_worker(settings, "b")
    assert "Sección de otro trabajador" not in menu_titles(client)
    PageViewRestriction.objects.filter(page=page).delete()
    as_worker(settings, "a")
    assert "Sección de otro trabajador" in menu_titles(client)
