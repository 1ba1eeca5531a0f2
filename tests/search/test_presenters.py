"""The results list reads each page's excerpt from the search index's text, so the
pages of a results page come in one query whatever their types; without that text
(Elasticsearch, OpenSearch) they are read specific, with the same outcome."""

from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest

from search import engine
from search.presenters import present

pytestmark = pytest.mark.django_db


def _request():
    return RequestFactory().get("/es/buscar/", HTTP_HOST="localhost")


def _hit(items, terms):
    return present(items, terms, _request())[0]


def test_a_page_from_the_index_is_presented_as_its_specific_page(make_page):
    page = make_page(
        "Horarios de la biblioteca",
        introduction="Abre de lunes a viernes.",
        body="La sala infantil atiende los sábados en la mañana.",
    )
    indexed = engine.with_indexed_text(Page.objects.filter(pk=page.pk))
    assert indexed is not None
    from_index = _hit(list(indexed), ["sabados"])
    specific = _hit([page.specific], ["sabados"])
    assert from_index.kind == specific.kind == "Página estándar"
    assert from_index.url == specific.url and from_index.url.endswith("/")
    assert "<mark>sábados</mark>" in from_index.excerpt
    assert "<mark>sábados</mark>" in specific.excerpt


def test_a_document_from_the_index_shows_its_tags(make_document):
    document = make_document("Acta de reunión", tags=["presupuesto participativo"])
    content_type = ContentType.objects.get_for_model(get_document_model())
    indexed = engine.with_indexed_text(
        get_document_model().objects.filter(pk=document.pk), content_type.pk
    )
    hit = _hit(list(indexed), ["presupuesto"])
    assert "<mark>presupuesto</mark> participativo" in hit.excerpt


def test_without_the_index_text_pages_are_read_specific(monkeypatch, make_page, es_home):
    """A search backend without text in the database (``indexed_text_column`` None)."""
    page = make_page("Tarifas del acueducto", body="Consulte la tarifa vigente.")
    monkeypatch.setattr(engine, "indexed_text_column", lambda: None)
    search = engine.SiteSearch("tarifas", es_home.locale)
    (fetched,) = search._fetch_pages([page.pk])
    assert type(fetched) is type(page.specific)
    assert not hasattr(fetched, "indexed_text")
    assert "<mark>tarifa</mark>" in _hit([fetched], ["tarifa"]).excerpt


def test_the_section_comes_with_the_pages_in_the_same_query(
    make_page, section, es_home, django_assert_num_queries
):
    """A result below a section shows the section's title; the section itself and the
    home page show none. Read in the pages' own query, as ``section_titles`` would."""
    child = make_page("Licencia de funcionamiento")
    grandchild = make_page("Requisitos de la licencia", parent=child)
    search = engine.SiteSearch("licencia", es_home.locale)
    ids = [es_home.pk, section.pk, child.pk, grandchild.pk]
    search.visible_pages  # noqa: B018 (reads the view restrictions, once per search)
    with django_assert_num_queries(1):
        fetched = {page.pk: page for page in search._fetch_pages(ids)}
    annotated = [fetched[pk] for pk in ids]
    plain = [page.specific for page in Page.objects.filter(pk__in=ids).order_by("path")]
    request = _request()
    from_titles = [hit.section for hit in present(plain, ["licencia"], request)]
    with django_assert_num_queries(0):
        sections = [hit.section for hit in present(annotated, ["licencia"], request)]
    assert sections == ["", "", section.title, section.title]
    assert from_titles == sections
