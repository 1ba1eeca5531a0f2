"""Fixtures for the search tests: pages and documents with chosen words, in either
language, published or not, public or not."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

import pytest

from home.models import HomePage, StandardPage


@pytest.fixture(autouse=True)
def _spanish_unaccent_on_postgres(settings, db):
    """On PostgreSQL, index and search with the app's ``spanish_unaccent`` configuration
    (what the project settings should name; see search/migrations/0002)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {
                "BACKEND": "wagtail.search.backends.database",
                "SEARCH_CONFIG": "spanish_unaccent",
            }
        }


@pytest.fixture
def es_home(demo_site):
    return demo_site.root_page.specific


@pytest.fixture
def en_home(demo_site):
    return HomePage.objects.get(locale=Locale.objects.get(language_code="en"))


@pytest.fixture
def section(es_home):
    """A Spanish top-level section the test pages go under."""
    page = StandardPage(title="Sección de pruebas de búsqueda", slug="seccion-busqueda")
    es_home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_page(section):
    """Create a StandardPage (published unless ``live=False``) under ``parent``."""
    counter = iter(range(10_000))

    def factory(title, introduction="", body="", parent=None, live=True):
        page = StandardPage(
            title=title,
            slug=f"prueba-busqueda-{next(counter)}",
            introduction=introduction,
            body=[("paragraph", f"<p>{body}</p>")] if body else [],
            live=live,
        )
        (parent or section).add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        return page

    return factory


@pytest.fixture
def make_document(db):
    """Create a document with a title, tags and optionally a collection."""

    def factory(title, tags=(), collection=None):
        Document = get_document_model()
        document = Document(title=title, collection=collection or Collection.get_first_root_node())
        document.file.save("soporte.txt", ContentFile(b"contenido"), save=False)
        document.save()
        if tags:
            document.tags.add(*tags)
            document.save()
        return document

    return factory
