"""Benchmark data for `make bench-search`: thousands of Spanish pages and documents,
written in bulk, indexed for real, once.

Pages are children of one archive section under the Spanish home page. Their treebeard
path, depth and URL path are computed here; the ``wagtailcore_page`` rows go in with one
``bulk_create`` per batch and the ``home_standardpage`` rows with one multi-row INSERT
(Django's ``bulk_create`` refuses multi-table models). Documents use ``bulk_create``.
Then only the objects without an index entry are indexed, in batches, through the search
backend's own ``add_items`` (real tsvectors with the Spanish configuration), and the
tables are analysed so the planner sees their real size (bulk writes send no signals,
so the search cache is told explicitly). A second run finds everything
in place and only checks."""

import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from home.models import HomePage, StandardPage

from .cache import new_generation

ARCHIVE_SLUG = "archivo-busqueda-bench"
ARCHIVE_TITLE = "Archivo de pruebas de búsqueda"
DOCUMENT_PREFIX = "Bench "
BATCH = 500

SUBJECTS = [
    "trámite",
    "licencia de construcción",
    "impuesto predial",
    "presupuesto participativo",
    "plan de desarrollo",
    "subsidio de vivienda",
    "permiso de eventos",
    "certificado de residencia",
    "contratación pública",
    "rendición de cuentas",
    "movilidad",
    "salud pública",
    "educación",
    "espacio público",
    "gestión del riesgo",
    "cultura",
    "deporte",
    "medio ambiente",
    "catastro",
    "servicios públicos",
    "adulto mayor",
    "primera infancia",
    "empleo",
    "emprendimiento",
]
KINDS = ["Decreto", "Resolución", "Acuerdo", "Circular", "Informe", "Noticia", "Guía", "Trámite"]
WORDS = (
    "la alcaldía de soacha informa a la ciudadanía sobre requisitos pasos costos horarios de "
    "atención y documentos necesarios para cada solicitud ante la secretaría competente según "
    "la normatividad vigente y los lineamientos de gobierno en línea"
).split()


def text(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words))


def title(rng, number):
    kind, subject = rng.choice(KINDS), rng.choice(SUBJECTS)
    return f"{kind} {number} de {rng.randint(2005, 2026)} sobre {subject}"


def seed(pages, documents):
    """Make sure ``pages`` archive pages and ``documents`` documents exist and are
    indexed; return what was added and what exists now."""
    rng = random.Random(387)  # noqa: S311 - reproducible data, not security
    with transaction.atomic():
        archive = archive_page()
        new_pages = add_pages(archive, pages, rng)
        new_documents = add_documents(documents, rng)
    archive.refresh_from_db()
    seeded_pages = StandardPage.objects.child_of(archive)
    seeded_documents = get_document_model().objects.filter(title__startswith=DOCUMENT_PREFIX)
    indexed_pages = index_missing(StandardPage, seeded_pages)
    indexed_documents = index_missing(
        get_document_model(), seeded_documents.select_related("collection").prefetch_related("tags")
    )
    if new_pages or new_documents or indexed_pages or indexed_documents:
        analyse()
        new_generation()
    return {
        "added_pages": new_pages,
        "added_documents": new_documents,
        "indexed_pages": indexed_pages,
        "indexed_documents": indexed_documents,
        "pages": seeded_pages.count(),
        "documents": seeded_documents.count(),
    }


def archive_page():
    """The live section that holds the seeded pages (created, and indexed, once)."""
    locale = Locale.objects.get(language_code="es")
    archive = StandardPage.objects.filter(slug=ARCHIVE_SLUG, locale=locale).first()
    if archive is None:
        home = HomePage.objects.get(depth=2, locale=locale)
        now = timezone.now()
        archive = home.add_child(
            instance=StandardPage(
                title=ARCHIVE_TITLE,
                slug=ARCHIVE_SLUG,
                first_published_at=now,
                last_published_at=now,
            )
        )
    return archive


def add_pages(archive, wanted, rng):
    """Add the missing children of ``archive`` (up to ``wanted``); return how many."""
    existing = archive.get_children().count()
    missing = wanted - existing
    if missing <= 0:
        return 0
    last = archive.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(StandardPage)
    page_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    now = timezone.now()
    for start in range(0, missing, BATCH):
        rows = []
        for offset in range(start, min(start + BATCH, missing)):
            step = first_step + offset
            slug = f"bench-{step}"
            page_title = title(rng, existing + offset + 1)
            rows.append(
                StandardPage(
                    title=page_title,
                    draft_title=page_title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(archive.path, archive.depth + 1, step),
                    depth=archive.depth + 1,
                    numchild=0,
                    url_path=f"{archive.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    locale_id=archive.locale_id,
                    translation_key=uuid.uuid4(),
                    introduction=text(rng, 25),
                    body=[("paragraph", f"<p>{text(rng, 80)}</p>")],
                )
            )
        bases = Page.objects.bulk_create(
            [Page(**{name: getattr(row, name) for name in page_fields}) for row in rows]
        )
        for row, base in zip(rows, bases, strict=True):
            row.page_ptr_id = row.id = base.pk
        StandardPage._base_manager._insert(rows, fields=StandardPage._meta.local_concrete_fields)
    Page.objects.filter(pk=archive.pk).update(numchild=existing + missing)
    return missing


def add_documents(wanted, rng):
    """Add the missing seeded documents (up to ``wanted``); return how many."""
    Document = get_document_model()
    existing = Document.objects.filter(title__startswith=DOCUMENT_PREFIX).count()
    documents = [
        Document(
            title=f"{DOCUMENT_PREFIX}{title(rng, number + 1)}",
            file=f"documents/bench-{number}.txt",
        )
        for number in range(existing, wanted)
    ]
    Document.objects.bulk_create(documents, batch_size=BATCH)
    return len(documents)


def index_missing(model, queryset):
    """Index the objects of ``queryset`` that have no index entry yet; return how many."""
    index = get_search_backend().get_index_for_model(model)
    content_type = ContentType.objects.get_for_model(model)
    indexed = IndexEntry.objects.filter(content_type=content_type).values_list(
        "object_id", flat=True
    )
    done = {str(pk) for pk in indexed}
    missing = [pk for pk in queryset.values_list("pk", flat=True) if str(pk) not in done]
    for start in range(0, len(missing), BATCH):
        index.add_items(model, list(queryset.filter(pk__in=missing[start : start + BATCH])))
    return len(missing)


def analyse():
    """Refresh the planner statistics of the tables the seed filled (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return
    tables = [
        Page._meta.db_table,
        StandardPage._meta.db_table,
        get_document_model()._meta.db_table,
        IndexEntry._meta.db_table,
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
