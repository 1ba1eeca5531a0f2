"""Images of news, events and the home page's section cards (issue 13): alternative
text or marked decorative, responsive renditions, bounded queries, the demo images,
and one heading for the home page's trámites."""

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page

import pytest
from bs4 import BeautifulSoup

from home.models import EventPage, HomePage, HomeSectionCard, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

IMAGES_DIR = Path(__file__).resolve().parents[2] / "home" / "data" / "images"
ALT_REQUIRED = "Describe the image, or mark it as decorative: alternative text is required."


@pytest.fixture
def image():
    return get_image_model().objects.create(
        title="Foto de prueba", file=get_test_image_file(size=(900, 600))
    )


def event(**fields):
    start = timezone.now() + datetime.timedelta(days=3)
    return EventPage(
        title="Evento con foto",
        slug="evento-con-foto",
        start=start,
        end=start + datetime.timedelta(hours=1),
        place="Plaza",
        **fields,
    )


def section_card(**fields):
    return HomeSectionCard(section=Page.objects.filter(depth=3).first(), **fields)


def news(**fields):
    return NewsPage(title="Con foto", slug="con-foto", **fields)


MAKERS = [news, event, section_card]


@pytest.mark.parametrize("make", MAKERS, ids=["news", "event", "section-card"])
def test_image_without_alt_text_is_refused_with_a_translated_error(demo_site, image, make):
    with translation.override("es"):
        with pytest.raises(ValidationError) as error:
            make(image=image, image_alt="  ").clean()
        assert error.value.message_dict["image_alt"] == [gettext(ALT_REQUIRED)]


@pytest.mark.parametrize("make", MAKERS, ids=["news", "event", "section-card"])
def test_image_marked_decorative_or_described_is_accepted(demo_site, image, make):
    make(image=image, image_decorative=True).clean()
    make(image=image, image_alt="Una plaza con árboles").clean()
    assert make(image=image, image_alt="Texto", image_decorative=True).image_alt_text == ""


def test_event_reports_its_dates_and_its_image_together(demo_site, image):
    item = event(image=image)
    item.end = item.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert {"end", "image_alt"} <= set(error.value.message_dict)


# Rendering -------------------------------------------------------------------------


@pytest.fixture
def own_news_index(demo_site):
    """A news room of this test's own under the news section."""
    section = Page.objects.get(slug="noticias", locale__language_code="es", depth=3)
    index = NewsIndexPage(title="Sala de prueba", slug="sala-de-prueba")
    section.add_child(instance=index)
    return index


def add_news_with_images(index, count, image, **fields):
    today = timezone.localdate()
    for number in range(count):
        index.add_child(
            instance=NewsPage(
                title=f"Noticia con foto {number}",
                slug=f"foto-{number}",
                date=today - datetime.timedelta(days=number),
                image=image,
                image_alt=f"Foto número {number}",
                **fields,
            )
        )


def listing_images(html, selector):
    return BeautifulSoup(html, "html.parser").select(selector)


def assert_responsive(img):
    assert img["loading"] == "lazy"
    widths = re.findall(r"\s(\d+)w", img["srcset"])
    assert len(widths) == 2 and widths[0] != widths[1], img["srcset"]
    assert img["sizes"]
    assert int(img["width"]) > 0 and int(img["height"]) > 0


def test_news_list_images_are_responsive_and_described(client, own_news_index, image):
    add_news_with_images(own_news_index, 2, image)
    html = client.get(own_news_index.url).content.decode()
    images = listing_images(html, ".item-list__image")
    assert [img["alt"] for img in images] == ["Foto número 0", "Foto número 1"]
    for img in images:
        assert_responsive(img)


def test_decorative_image_has_empty_alt(client, own_news_index, image):
    add_news_with_images(own_news_index, 1, image, image_decorative=True)
    html = client.get(own_news_index.url).content.decode()
    (img,) = listing_images(html, ".item-list__image")
    assert img["alt"] == ""
    assert re.search(r'<img[^>]*\balt=""', html)


def test_news_and_event_pages_show_their_image(client, own_news_index, image):
    add_news_with_images(own_news_index, 1, image)
    item = NewsPage.objects.child_of(own_news_index).get()
    (img,) = listing_images(client.get(item.url).content.decode(), ".detail-image")
    assert img["alt"] == "Foto número 0"
    calendar = Page.objects.get(slug="agenda", locale__language_code="es").specific
    calendar.add_child(instance=event(image=image, image_alt="Tarima en la plaza"))
    page = EventPage.objects.child_of(calendar).get(slug="evento-con-foto")
    (img,) = listing_images(client.get(page.url).content.decode(), ".detail-image")
    assert img["alt"] == "Tarima en la plaza"
    assert_responsive(img)


def count_queries(client, url):
    client.get(url)  # renditions and caches made once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_news_list_queries_do_not_grow_with_images(
    client, own_news_index, image, django_assert_max_num_queries
):
    """3 or 30 news with images: the same number of queries (renditions prefetched)."""
    add_news_with_images(own_news_index, 3, image)
    with_three = count_queries(client, own_news_index.url)
    big = NewsIndexPage(title="Sala grande", slug="sala-grande")
    own_news_index.get_parent().add_child(instance=big)
    add_news_with_images(big, 30, image)
    client.get(big.url)
    with django_assert_max_num_queries(with_three):
        response = client.get(big.url)
    assert len(listing_images(response.content.decode(), ".item-list__image")) == 10


# Home page -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["es", "en"])
def test_home_section_cards_show_demo_images_in_the_page_language(client, demo_site, language):
    html = client.get(f"/{language}/").content.decode()
    cards = listing_images(html, ".section-card")
    images = listing_images(html, ".section-card__image")
    assert cards and len(images) == len(cards)
    for img in images:
        assert img["alt"].strip()
        assert_responsive(img)
    expected = "Drawing of" if language == "en" else "Dibujo de"
    assert all(img["alt"].startswith(expected) for img in images)


def test_each_home_page_keeps_its_own_card_text(client, demo_site, image):
    """Each language's home page has its own cards, with alternative text in its language."""
    home = HomePage.objects.get(locale__language_code="es", depth=2)
    card = home.section_cards.first()
    card.image, card.image_alt = image, "Texto alterno de prueba"
    card.save()
    html = client.get("/es/").content.decode()
    assert "Texto alterno de prueba" in [
        img["alt"] for img in listing_images(html, ".section-card__image")
    ]
    assert "Texto alterno de prueba" not in client.get("/en/").content.decode()


@pytest.mark.parametrize("language", ["es", "en"])
def test_home_page_queries_do_not_grow_with_images(client, rf, demo_site, language):
    """The home page takes as many queries with one image as with an image on every
    card, news item and event (renditions in one query for the whole page)."""
    url = f"/{language}/"
    home = HomePage.objects.get(locale__language_code=language, depth=2)
    news, events = home.news_and_events(rf.get(url))
    images = sum(1 for item in [*news, *events] if item.image_id) + sum(
        1 for card in home.section_cards.all() if card.image_id
    )
    assert images >= 5
    with_all = count_queries(client, url)
    cards = list(home.section_cards.all())
    HomeSectionCard.objects.filter(pk__in=[card.pk for card in cards[1:]]).update(image=None)
    NewsPage.objects.filter(pk__in=[item.pk for item in news]).update(image=None)
    EventPage.objects.filter(pk__in=[item.pk for item in events]).update(image=None)
    assert count_queries(client, url) == with_all


@pytest.mark.parametrize("language", ["es", "en"])
def test_home_trámites_block_has_one_heading(client, demo_site, language):
    """The most used trámites have one heading, not two headings in a row."""
    html = client.get(f"/{language}/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    block = soup.select_one(".featured-procedures")
    assert block is not None
    wrapper = block.find_parent(class_="home-block") or block
    assert len(wrapper.find_all(re.compile(r"^h[1-6]$"))) == 1
    main = soup.find("main")
    headings = main.find_all(re.compile(r"^h[1-6]$"))
    for heading in headings:
        following = heading.find_next(True)
        while following is not None and following in heading.descendants:
            following = following.find_next(True)
        assert following is None or not re.match(r"^h[1-6]$", following.name), heading


# Demo images -----------------------------------------------------------------------


def test_demo_images_are_small_and_licensed():
    files = sorted(IMAGES_DIR.glob("*.jpg"))
    assert len(files) >= 8
    assert all(path.stat().st_size < 60_000 for path in files)
    assert sum(path.stat().st_size for path in files) < 600_000
    assert "CC0" in (IMAGES_DIR / "LICENSE.md").read_text(encoding="utf-8")


def test_demo_attaches_images_with_alt_text_per_language(demo_site):
    item = NewsPage.objects.get(
        slug="jornada-de-vacunacion-en-compartir", locale__language_code="es"
    )
    english = item.get_translation(Locale.objects.get(language_code="en"))
    assert item.image_id and item.image_id == english.image_id
    assert item.image_alt.startswith("Dibujo") and english.image_alt.startswith("Drawing")
    assert EventPage.objects.filter(image__isnull=False).exists()


def test_demo_images_load_is_idempotent(demo_site):
    from home.demo import DemoImages

    homes = {home.locale.language_code: home for home in HomePage.objects.filter(depth=2)}
    loader = SimpleNamespace(
        es=Locale.objects.get(language_code="es"),
        en=Locale.objects.get(language_code="en"),
        home=homes["es"],
    )
    images = get_image_model().objects.count()
    cards = HomeSectionCard.objects.count()
    demo = DemoImages()
    demo.add_section_cards(loader)
    assert demo.image("park").pk == DemoImages().image("park").pk
    assert get_image_model().objects.count() == images
    assert HomeSectionCard.objects.count() == cards
