"""The transparency menu: categories 1–10 with their numbered items from the one data
file, each item linked to content or marked "No aplica" with its legal reason."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError

import pytest

from transparency.models import TransparencyMenuItem, TransparencyPage
from transparency.models.menu import MENU_FILE, load_menu

pytestmark = pytest.mark.django_db


def test_the_data_file_is_the_source_of_the_menu():
    """The menu is read from transparency/data/transparency_menu.json: 10 categories."""
    assert (
        MENU_FILE
        == Path(__file__).resolve().parents[2] / "transparency/data/transparency_menu.json"
    )
    data = json.loads(MENU_FILE.read_text(encoding="utf-8"))
    assert load_menu() == data
    assert [c["number"] for c in data["categories"]] == [str(n) for n in range(1, 11)]
    for category in data["categories"]:
        assert category["items"], category["number"]
        for item in category["items"]:
            assert item["number"].startswith(category["number"] + ".")
            assert item["title"]["es"] and item["title"]["en"]


@pytest.mark.parametrize("language", ["es", "en"])
def test_no_menu_item_is_empty(demo_site, language):
    """Every numbered item has a live page, an address or a "No aplica" reason."""
    page = TransparencyPage.objects.get(locale__language_code=language)
    assert page.empty_items() == []


@pytest.mark.parametrize("language", ["es", "en"])
def test_menu_page_renders_every_category_and_item(client, demo_site, language):
    """The page shows categories 1–10 and each item's number, title and link or reason."""
    page = TransparencyPage.objects.get(locale__language_code=language)
    html = client.get(page.url).content.decode()
    segments = html.split('class="transparency-menu__item" id="item-')[1:]
    items = {segment.split('"', 1)[0]: segment.split("</ul>", 1)[0] for segment in segments}
    for category in load_menu()["categories"]:
        assert f">{category['number']}. {category['title'][language]}</h2>" in html
        for item in category["items"]:
            block = items[item["number"].replace(".", "-")]
            assert item["title"][language] in block
            assert "<a href=" in block or "not-applicable" in block, item["number"]


def test_links_follow_the_reader_language(client, demo_site):
    """On /en/ the item links lead to English pages, not to the Spanish ones."""
    html = client.get("/en/transparencia/").content.decode()
    menu = html[
        html.index('class="transparency-menu"') : html.index(
            "</nav>", html.index('class="transparency-menu"')
        )
    ]
    assert 'href="/en/transparencia/normatividad/"' in menu
    assert 'href="/es/' not in menu


def test_not_applicable_item_shows_its_reason(client, demo_site):
    """Item 9.1 says "No aplica" with its legal reason."""
    html = client.get("/es/transparencia/").content.decode()
    assert "No aplica." in html
    assert "Resolución 1519 de 2020, Anexo 2, numeral 2.4.2, categoría 9" in html


def test_an_empty_item_is_reported(demo_site):
    """Removing the only row of an item makes ``empty_items`` name it."""
    page = TransparencyPage.objects.get(locale__language_code="es")
    page.menu_items.filter(number="1.2").delete()
    assert page.empty_items() == ["1.2"]


def test_an_unpublished_target_leaves_the_item_empty(demo_site):
    """A link to a page that is no longer live does not count as content."""
    page = TransparencyPage.objects.get(locale__language_code="es")
    row = page.menu_items.filter(number="1.2").first()
    row.link_page.unpublish()
    assert "1.2" in page.empty_items()


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"link_url": "/es/x/", "not_applicable_reason": "Porque no"},
        {"link_url": "/es/x/"},
        {"link_url": "javascript:alert(1)", "label": "x"},
    ],
    ids=["nothing", "link-and-reason", "address-without-text", "bad-address"],
)
def test_a_row_needs_one_kind_of_content(fields):
    """A row needs a page, an address (with its text) or a reason, and only one kind."""
    row = TransparencyMenuItem(number="1.1", **fields)
    with pytest.raises(ValidationError):
        row.full_clean(exclude=["page"])


def test_valid_rows():
    """An external address, a site path and a reason are each valid on their own."""
    for fields in [
        {"link_url": "https://www.datos.gov.co", "label": "Datos"},
        {"link_url": "/es/transparencia/?x=1", "label": "Aquí"},
        {"not_applicable_reason": "No aplica por la Ley X."},
    ]:
        TransparencyMenuItem(number="1.1", **fields).full_clean(exclude=["page"])
