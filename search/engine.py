"""The search itself: which pages and documents a citizen may see, the full-text query
built for the database in use, filters, facets and editors' picks.

Everything works on querysets of ``Page`` and of the document model, so any page type
another app adds (norms, trámites, news, events) is searched through its own
``search_fields`` without this module knowing it."""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import ForeignKey, ManyToManyField
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from .text import fold, plural_variants, query_terms

DOCUMENT_TYPE = "document"
#: Names of the fields that link a result to the dependency (secretaría) responsible.
DEPENDENCY_FIELDS = ("dependency", "dependencies")


def visible_pages(locale):
    """Live, public pages of one language: drafts, pages awaiting their first approval
    and pages under a view restriction (or below one) are left out."""
    return Page.objects.live().public().filter(locale=locale).exclude(depth=1)


def private_collection_ids():
    """Collections with a view restriction, and every collection below them."""
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection")
    )
    ids = set()
    for collection in restricted:
        ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


def visible_documents():
    """Documents outside private collections (documents have no language)."""
    return get_document_model().objects.exclude(collection_id__in=private_collection_ids())


def build_query(terms):
    """All terms must match; each term matches any of its spellings.

    PostgreSQL's Spanish configuration stems plurals itself, so a term only adds its
    accent-free spelling (which also works before the unaccent configuration is in
    place). SQLite's FTS5 index already ignores accents but does not stem, so each term
    also matches its Spanish singular and plural forms."""
    parts = []
    for term in terms:
        if connection.vendor == "postgresql":
            variants = sorted({term, fold(term)})
        else:
            variants = plural_variants(term)
        parts.append(Or([PlainText(variant) for variant in variants]))
    return And(parts) if len(parts) > 1 else parts[0]


def dependency_fields(model):
    """The names of ``model``'s fields that point at a dependency."""
    names = []
    for name in DEPENDENCY_FIELDS:
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(model_field, ForeignKey | ManyToManyField):
            names.append(name)
    return names


def dependency_models():
    """(model, field name) for every concrete page model (and the document model) that
    records a dependency."""
    found = []
    for model in apps.get_models():
        if issubclass(model, Page) or model is get_document_model():
            found.extend((model, name) for name in dependency_fields(model))
    return found


def dependency_choices():
    """Dependencies a citizen can filter by, or [] when no result type records one."""
    if not dependency_models():
        return []
    try:
        Dependency = apps.get_model("transparency", "Dependency")
    except LookupError:
        return []
    return [(str(dep.pk), str(dep)) for dep in Dependency.objects.all()]


def ids_for_dependency(base_model, dependency):
    """Primary keys of ``base_model`` objects (pages or documents) linked to
    ``dependency``, through any model that records one."""
    ids = set()
    for model, name in dependency_models():
        if issubclass(model, base_model):
            ids.update(model.objects.filter(**{name: dependency}).values_list("pk", flat=True))
    return ids


def year_range(year):
    """The aware datetimes that bound a calendar year in the portal's time zone."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=tz)
    return start, datetime.datetime(year + 1, 1, 1, tzinfo=tz)


@dataclass
class SearchFilters:
    """What the citizen narrowed the search to; empty values mean "everything"."""

    type: str = ""
    year: int | None = None
    dependency: str = ""

    @property
    def active(self):
        return bool(self.type or self.year or self.dependency)


class ChainedResults:
    """Pages first, then documents, as one sliceable sequence for Django's Paginator
    (each part is sliced in the database, never loaded whole)."""

    def __init__(self, *parts):
        self.parts = [part for part in parts if part is not None]

    @cached_property
    def counts(self):
        return [part.count() for part in self.parts]

    def count(self):
        return sum(self.counts)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        items, offset = [], 0
        for part, size in zip(self.parts, self.counts, strict=True):
            low, high = max(start - offset, 0), min(stop - offset, size)
            if low < high:
                items.extend(part[low:high])
            offset += size
        return items


@dataclass
class SiteSearch:
    """One search: query, language and filters in; results, facets and picks out."""

    query: str
    locale: object
    filters: SearchFilters = field(default_factory=SearchFilters)

    @cached_property
    def terms(self):
        return query_terms(self.query)

    @cached_property
    def search_query(self):
        return build_query(self.terms) if self.terms else None

    def _pages(self, filtered=True):
        pages = visible_pages(self.locale)
        if filtered and self.filters.year:
            start, end = year_range(self.filters.year)
            pages = pages.filter(first_published_at__gte=start, first_published_at__lt=end)
        if filtered and self.filters.dependency:
            pages = pages.filter(id__in=ids_for_dependency(Page, self.filters.dependency))
        if filtered and self.filters.type and self.filters.type != DOCUMENT_TYPE:
            content_type = self.content_type_for(self.filters.type)
            pages = pages.filter(content_type=content_type) if content_type else pages.none()
        return pages

    def _documents(self, filtered=True):
        documents = visible_documents()
        if filtered and self.filters.year:
            start, end = year_range(self.filters.year)
            documents = documents.filter(created_at__gte=start, created_at__lt=end)
        if filtered and self.filters.dependency:
            documents = documents.filter(
                id__in=ids_for_dependency(get_document_model(), self.filters.dependency)
            )
        return documents

    @staticmethod
    def content_type_for(value):
        app_label, _dot, model = value.partition(".")
        return ContentType.objects.filter(app_label=app_label, model=model).first()

    @cached_property
    def page_results(self):
        if self.search_query is None or self.filters.type == DOCUMENT_TYPE:
            return None
        return self._pages().specific().search(self.search_query)

    @cached_property
    def document_results(self):
        if self.search_query is None or self.filters.type not in ("", DOCUMENT_TYPE):
            return None
        return self._documents().search(self.search_query)

    @cached_property
    def results(self):
        return ChainedResults(self.page_results, self.document_results)

    @cached_property
    def type_facets(self):
        """(value, label, count) for every result type present, ignoring the type filter
        so a citizen can switch between them; derived from the content types found."""
        if self.search_query is None:
            return []
        counts = self._pages_unfiltered_by_type().search(self.search_query).facet("content_type_id")
        types = ContentType.objects.in_bulk([pk for pk in counts if pk])
        facets = []
        for pk, count in counts.items():
            content_type = types.get(pk)
            model = content_type.model_class() if content_type else None
            if model is None:
                continue
            value = f"{content_type.app_label}.{content_type.model}"
            facets.append((value, str(model._meta.verbose_name_plural).capitalize(), count))
        documents = self._documents().search(self.search_query).count()
        if documents:
            facets.append(
                (DOCUMENT_TYPE, str(get_document_model()._meta.verbose_name_plural), documents)
            )
        return sorted(facets, key=lambda facet: (-facet[2], facet[1]))

    def _pages_unfiltered_by_type(self):
        type_filter, self.filters.type = self.filters.type, ""
        try:
            return self._pages()
        finally:
            self.filters.type = type_filter

    @cached_property
    def promotions(self):
        """Editors' picks for this query (typed with or without accents), each page
        replaced by its translation in this language, and kept only when the citizen may
        see it there. External links always qualify."""
        normalised = normalise_query_string(self.query)
        if not normalised:
            return []
        picks = list(
            SearchPromotion.objects.filter(query__query_string__in={normalised, fold(normalised)})
            .select_related("page")
            .order_by("sort_order", "pk")
        )
        keys = {pick.page.translation_key for pick in picks if pick.page_id}
        translations = {
            page.translation_key: page
            for page in visible_pages(self.locale).filter(translation_key__in=keys)
        }
        shown, seen = [], set()
        for pick in picks:
            if pick.page_id:
                page = translations.get(pick.page.translation_key)
                if page is None or page.pk in seen:
                    continue
                seen.add(page.pk)
                pick.page = page
            shown.append(pick)
        return shown

    def record(self, found):
        """Log the query in Wagtail's daily hits, and as "without results" when empty."""
        from .models import NoResultDailyHits

        query = Query.get(self.query)
        query.add_hit()
        if not found:
            NoResultDailyHits.add_hit(query)
