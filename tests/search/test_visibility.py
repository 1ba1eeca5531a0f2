"""Only live, public content of the request's language is ever listed."""

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from .helpers import result_titles, search

pytestmark = pytest.mark.django_db


def test_private_page_never_appears(client, make_page):
    """A page with a view restriction, and the pages below it, never appear."""
    private = make_page("Zorbaquintex reservado")
    make_page("Zorbaquintex hijo", parent=private)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="clave-secreta"
    )
    response = search(client, "zorbaquintex")
    assert response.status_code == 200
    assert result_titles(response) == []
    assert "Zorbaquintex" not in response.content.decode()


def test_draft_page_never_appears(client, make_page):
    """A page that was never published does not appear."""
    make_page("Borradorquintex sin publicar", live=False)
    assert result_titles(search(client, "borradorquintex")) == []


def test_unpublished_changes_are_not_searchable(client, make_page):
    """Words that exist only in a saved (not published) revision are not searchable."""
    page = make_page("Convocatoria de empleo")
    page.title = "Palabrasecretaquintex"
    page.save_revision()
    assert result_titles(search(client, "palabrasecretaquintex")) == []
    assert result_titles(search(client, "convocatoria")) == ["Convocatoria de empleo"]


def test_page_awaiting_moderation_never_appears(client, make_page, author):
    """A new page submitted for moderation (not yet approved) does not appear."""
    page = make_page("Moderacionquintex pendiente", live=False)
    page.get_workflow().start(page, author)
    assert result_titles(search(client, "moderacionquintex")) == []


def test_document_in_private_collection_never_appears(client, make_document):
    """Documents in a private collection, or a collection below it, never appear."""
    root = Collection.get_first_root_node()
    private = root.add_child(name="Documentos internos")
    below = private.add_child(name="Actas internas")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    make_document("Informe documentoquintex interno", collection=private)
    make_document("Acta documentoquintex interna", collection=below)
    make_document("Informe documentoquintex público")
    assert result_titles(search(client, "documentoquintex")) == ["Informe documentoquintex público"]


def test_promotion_of_private_page_is_hidden(client, make_page):
    """An editors' pick pointing at a private page is not shown."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    private = make_page("Promocionquintex privada")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    SearchPromotion.objects.create(query=Query.get("promocionquintex"), page=private)
    response = search(client, "promocionquintex")
    assert response.context["promotions"] == []
    assert "Promocionquintex privada" not in response.content.decode()
