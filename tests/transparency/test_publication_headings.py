"""The outline of a publications page never skips a level: an entry's title is an h2
when no heading block precedes it and one level below the last heading block otherwise
(the Nu HTML Checker reports a skip as an error)."""

import re

from wagtail.models import Page

import pytest

from transparency.models import PublicationsPage

pytestmark = pytest.mark.django_db


def heading_levels(html):
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", main)]


def skips(levels):
    return [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]


def test_every_demo_publications_page_keeps_the_heading_order(client, demo_site):
    pages = PublicationsPage.objects.live().order_by("path")
    assert {page.locale.language_code for page in pages} == {"es", "en"}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        levels = heading_levels(response.content.decode())
        assert levels[0] == 1 and len(levels) > 1, (page.url, levels)
        assert skips(levels) == [], (page.url, levels)


def test_entries_under_a_heading_block_go_one_level_down(client, demo_site):
    menu = Page.objects.get(slug="transparencia", locale__language_code="es")
    publication = {"title": "Informe", "date": "2026-01-31", "url": "https://example.org/a"}
    page = PublicationsPage(
        title="Informes de prueba",
        slug="informes-de-prueba-encabezados",
        entries=[
            ("publication", publication),
            ("heading", {"text": "Informes trimestrales", "level": "h2"}),
            ("publication", publication),
            ("heading", {"text": "Primer trimestre", "level": "h3"}),
            ("publication", publication),
        ],
    )
    menu.add_child(instance=page)
    response = client.get(page.url)
    assert heading_levels(response.content.decode())[:6] == [1, 2, 2, 3, 3, 4]
