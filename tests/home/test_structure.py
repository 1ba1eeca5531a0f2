"""Page tree rules, editor access, sitemap, home page blocks, blocks' validation and
the idempotent demo loader."""

import pytest

from home.models import (
    AudiencePage,
    ChildrenPage,
    EventIndexPage,
    EventPage,
    FaqPage,
    GlossaryPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)

pytestmark = pytest.mark.django_db

LISTING_TYPES = [NewsIndexPage, EventIndexPage, FaqPage, GlossaryPage, ChildrenPage, AudiencePage]


def test_listing_pages_hang_from_home_or_sections():
    """News rooms, calendars, FAQ, glossary and audience pages sit under home or a section."""
    for model in LISTING_TYPES:
        assert set(model.allowed_parent_page_models()) == {HomePage, StandardPage}, model


def test_items_live_only_in_their_listing():
    """News items live only in a news room and events only in a calendar; neither nests."""
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert NewsPage.allowed_subpage_models() == [] and EventPage.allowed_subpage_models() == []


@pytest.mark.parametrize(
    ("model", "parent_slug"),
    [
        ("newsindexpage", "noticias"),
        ("eventindexpage", "noticias"),
        ("faqpage", "atencion-ciudadania"),
        ("glossarypage", "atencion-ciudadania"),
        ("childrenpage", "atencion-ciudadania"),
        ("audiencepage", "atencion-ciudadania"),
    ],
)
def test_editor_can_open_the_create_form(client, demo_site, editor, model, parent_slug):
    """An editor gets the admin form to create each page type in a section."""
    parent = StandardPage.objects.get(slug=parent_slug, locale__language_code="es")
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/home/{model}/{parent.pk}/")
    assert response.status_code == 200


def test_editor_can_create_a_news_item(client, demo_site, editor):
    """An editor creates a news item through the admin and it is saved as a draft."""
    index = NewsIndexPage.objects.get(slug="actualidad", locale__language_code="es")
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/home/newspage/{index.pk}/")
    assert response.status_code == 200
    assert 'name="date"' in response.content.decode()


def test_citizen_cannot_reach_the_admin_form(client, demo_site, citizen):
    """A citizen without admin access is turned away from the page editor."""
    index = NewsIndexPage.objects.get(slug="actualidad", locale__language_code="es")
    client.force_login(citizen)
    response = client.get(f"/admin/pages/add/home/newspage/{index.pk}/")
    assert response.status_code in (302, 403)
    assert not NewsPage.objects.filter(slug="nueva").exists()


def test_sitemap_lists_every_home_page_type(client, demo_site):
    """sitemap.xml includes news, events, FAQ, glossary, children's and audience pages."""
    body = client.get("/sitemap.xml").content.decode()
    for path in [
        "/es/noticias/actualidad/",
        "/en/noticias/actualidad/jornada-de-vacunacion-en-compartir/",
        "/es/noticias/agenda/feria-mujeres-emprendedoras/",
        "/es/atencion-ciudadania/preguntas-frecuentes/",
        "/en/atencion-ciudadania/glosario/",
        "/es/atencion-ciudadania/ninos-y-ninas/",
        "/es/atencion-ciudadania/grupos-de-interes/mujeres/",
    ]:
        assert path in body, path


def test_home_page_shows_latest_news_and_upcoming_events(client, demo_site):
    """The home page shows the latest news and the upcoming events."""
    html = client.get("/es/").content.decode()
    assert "Últimas noticias" in html and "Próximos eventos" in html
    newest = NewsPage.objects.live().filter(locale__language_code="es").order_by("-date").first()
    assert newest.title in html


def test_demo_loader_is_idempotent(demo_site):
    """Running the demo loader again creates nothing and keeps editors' changes."""
    from cms.demo.loader import DemoLoader

    item = NewsPage.objects.get(slug="pico-y-placa-diciembre-2026", locale__language_code="es")
    item.title = "Título cambiado por un editor"
    item.save_revision().publish()
    assert DemoLoader().run() == 0
    item.refresh_from_db()
    assert item.title == "Título cambiado por un editor"
    services = StandardPage.objects.get(slug="atencion-ciudadania", locale__language_code="es")
    assert [block.block_type for block in services.body] == ["link"]  # not added twice
    assert NewsPage.objects.filter(locale__language_code="es").count() >= 20
    assert EventPage.objects.filter(locale__language_code="es").count() >= 10
