"""News room: listing, pagination, bad input, detail page, RSS and Atom feeds."""

import feedparser
import pytest

from home.models import NewsPage

pytestmark = pytest.mark.django_db

# Fixed per listing: the same bound holds with 5 and with 200 items.
LISTING_QUERY_BOUND = 16

NEWS_URL = "/es/noticias/actualidad/"


@pytest.mark.parametrize("url", [NEWS_URL, "/en/noticias/actualidad/"])
def test_news_list_renders_in_both_languages(client, news_index, url):
    """The news room lists items with breadcrumbs, last-updated date and one h1."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'class="breadcrumbs' in html and 'class="last-updated"' in html
    assert 'class="pagination"' in html


def test_news_list_is_newest_first_and_paginated(client, news_index):
    """Page one shows the ten newest items; page two the next ones."""
    newest = NewsPage.objects.child_of(news_index).order_by("-date", "-pk").first()
    page_one = client.get(NEWS_URL).content.decode()
    assert newest.title in page_one
    assert page_one.count('class="item-list__item"') == 10
    assert "Página 1 de" in page_one


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?page=9999", "No existe la página 9999"),
        ("?page=abc", "«abc» no es un número de página"),
        ("?categoria=desconocida", "La categoría que pidió no existe"),
    ],
)
def test_news_list_bad_input_gives_a_normal_page(client, news_index, query, message):
    """A bad page number or category shows a normal page with a clear message."""
    response = client.get(NEWS_URL + query)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_news_list_filters_by_category(client, news_index):
    """?categoria=boletin lists only press releases."""
    html = client.get(NEWS_URL + "?categoria=boletin").content.decode()
    assert "Boletín: audiencia pública de rendición de cuentas 2026" in html
    assert "Nuevo CAI de policía en Ciudad Verde" not in html


@pytest.mark.parametrize("extra", [5, 200])
def test_news_list_query_count_does_not_grow(
    client, news_index, add_news, django_assert_max_num_queries, extra
):
    """The listing takes the same bounded number of queries with 5 or 200 more items."""
    add_news(news_index, extra)
    with django_assert_max_num_queries(LISTING_QUERY_BOUND):
        response = client.get(NEWS_URL + "?page=2")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        NEWS_URL + "jornada-de-vacunacion-en-compartir/",
        "/en/noticias/actualidad/jornada-de-vacunacion-en-compartir/",
    ],
)
def test_news_page_renders(client, news_index, url):
    """A news item shows its title, date and breadcrumbs in both languages."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'class="breadcrumbs' in html and 'class="last-updated"' in html
    assert "<time" in html


@pytest.mark.parametrize("feed", ["rss/", "atom/"])
def test_feeds_parse_without_errors(client, news_index, feed):
    """The RSS and Atom feeds parse with feedparser with no bozo error."""
    response = client.get(NEWS_URL + feed)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 20
    assert parsed.entries[0].link.startswith("http")
    assert "/es/noticias/actualidad/" in parsed.entries[0].link
    assert parsed.feed.title == news_index.title


def test_news_list_advertises_its_feeds(client, news_index):
    """The listing links its RSS and Atom feeds for feed readers."""
    html = client.get(NEWS_URL).content.decode()
    assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html


def test_image_requires_alt_text(news_index):
    """A news item with an image and no alternative text does not validate."""
    from django.core.exceptions import ValidationError

    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Foto", file=get_test_image_file())
    item = NewsPage(title="Con foto", slug="con-foto", image=image, image_alt=" ")
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "image_alt" in error.value.message_dict


def test_page_two_of_a_category_keeps_the_category(client, news_index, add_news):
    """The next link of a filtered list is ?categoria=x&page=2, and page 2 lists only
    that category (it used to link to ?%7B%27categoria%27…%7D and show all news)."""
    for number in range(25):
        news_index.add_child(
            instance=NewsPage(
                title=f"Boletín paginado {number}",
                slug=f"boletin-paginado-{number}",
                category="boletin",
                introduction="Texto.",
            )
        )
    add_news(news_index, 30)
    html = client.get(NEWS_URL + "?categoria=boletin").content.decode()
    assert 'href="?categoria=boletin&amp;page=2" rel="next"' in html
    response = client.get(NEWS_URL, {"categoria": "boletin", "page": "2"})
    page = response.context["page_obj"]
    assert page.number == 2 and len(page.object_list) == 10
    assert {item.category for item in page.object_list} == {"boletin"}
    assert 'href="?categoria=boletin&amp;page=1" rel="prev"' in response.content.decode()
