"""The search itself: which pages and documents a citizen may see, the full-text query
built for the database in use, filters, facets and editors' picks.

Everything works on querysets of ``Page`` and of the document model, so any page type
another app adds (norms, trámites, news, events) is searched through its own
``search_fields`` without this module knowing it."""

import datetime
import functools
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist, ImproperlyConfigured
from django.db import connection
from django.db.models import (
    CharField,
    Exists,
    F,
    ForeignKey,
    ManyToManyField,
    OrderBy,
    OuterRef,
    Subquery,
)
from django.db.models.functions import Cast
from django.db.models.lookups import StartsWith
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from cms.models import Dependency
from cms.navigation import public_only
from participation.models import DebateHold

from . import cache as search_cache
from .presenters import with_section_titles
from .ranking import CANDIDATES, norm_reference, rerank
from .synonyms import expand
from .text import fold, plural_variants, query_terms

DOCUMENT_TYPE = "document"
#: Names of the fields that link a result to the dependency (secretaría) responsible.
DEPENDENCY_FIELDS = ("dependency", "dependencies")
#: PostgreSQL: counts, facets and ranking candidates from one evaluation of the pages'
#: full-text match (see ``SiteSearch.page_matches``). Only SQL compiled by Django is
#: put in it; every value goes in the parameters. The candidates are the matches of
#: highest rank (Wagtail's relevance, ties by descending id: the backend's own order),
#: taken with a top-N sort rather than by sorting every match.
MATCHES_SQL = (
    "WITH matches (id, title, content_type_id, rank) AS MATERIALIZED ({pages}) "
    "(SELECT 0, id, title, content_type_id, rank, {norm} FROM matches {type} "
    "ORDER BY rank DESC, id DESC LIMIT %s) "
    "UNION ALL (SELECT 1, NULL, NULL, content_type_id, COUNT(*), FALSE FROM matches "
    "GROUP BY content_type_id) "
    "UNION ALL (SELECT 2, NULL, NULL, NULL, (SELECT COUNT(*) FROM ({documents}) d), FALSE)"
)
#: MATCHES_SQL's last column for a candidate when the query names a norm: whether the
#: page is that norm (as ``SiteSearch.exact_norms`` decides in Python elsewhere).
EXACT_NORM_SQL = (
    "EXISTS (SELECT 1 FROM {table} n WHERE n.{pk} = matches.id "
    "AND COALESCE(NULLIF(LTRIM(n.number, '0'), ''), '0') = %s "
    "AND (%s = '' OR n.norm_type = %s) AND (%s::integer IS NULL OR n.year = %s))"
)


#: What a part of MATCHES_SQL reads when Django finds its filters can match nothing
#: (e.g. a dependency filter that keeps no document): the same columns, no rows.
NO_PAGES_SQL = "SELECT NULL::integer, NULL::text, NULL::integer, NULL::bigint WHERE FALSE"
NO_DOCUMENTS_SQL = "SELECT NULL::integer WHERE FALSE"


def sql_or_no_rows(query, no_rows_sql):
    """``query``'s SQL and parameters, or ``no_rows_sql`` when Django can tell without
    asking the database that it matches nothing (it raises EmptyResultSet then)."""
    try:
        return query.sql_with_params()
    except EmptyResultSet:
        return no_rows_sql, []


def database_index_engine():
    """The database engine of Wagtail's database search backend when the index lives in
    the project's database (``"postgresql"`` or ``"sqlite"``), else None (another
    backend: Elasticsearch, OpenSearch)."""
    backend = type(get_search_backend()).__name__
    expected = {"PostgresSearchBackend": "postgresql", "SQLiteSearchBackend": "sqlite"}
    return connection.vendor if expected.get(backend) == connection.vendor else None


def database_full_text():
    """Whether searches run on PostgreSQL's full-text search through Wagtail's database
    backend (not SQLite's, nor Elasticsearch/OpenSearch): only then are the counts and
    ranking candidates read with one statement (``SiteSearch.page_matches``)."""
    return database_index_engine() == "postgresql"


def indexed_text_column():
    """The column of Wagtail's database search index that holds an object's indexed
    text (every search field but the title, as plain text): ``body_text`` on
    PostgreSQL, ``body`` on SQLite; None with another backend (Elasticsearch,
    OpenSearch), where the results are read from their own tables instead."""
    return {"postgresql": "body_text", "sqlite": "body"}.get(database_index_engine())


def with_indexed_text(queryset, content_type_id=None):
    """``queryset`` with each object's indexed text as ``indexed_text`` (a subquery of
    the search index, in the same statement), or None when the index has no text
    column (see ``indexed_text_column``). Pages give their own content type; other
    models give theirs as ``content_type_id``."""
    column = indexed_text_column()
    if column is None:
        return None
    entries = IndexEntry.objects.filter(
        content_type_id=content_type_id or OuterRef("content_type_id"),
        object_id=Cast(OuterRef("pk"), CharField()),
    )
    return queryset.annotate(indexed_text=Subquery(entries.values(column)[:1]))


def request_memo(request, key, compute):
    """``compute()`` once per request (every call without a request computes): what a
    results page reads several times (the synonyms, the promoted queries) is read once
    even when the search runs again with a correction."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_portal_search", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def visible_pages(locale, request=None):
    """Live, public pages of one language: drafts, pages awaiting their first approval,
    pages under a view restriction (or below one) and debates that moderation holds
    or hid are left out. With a ``request`` the view restrictions are those it has read
    (``cms.navigation.public_only``: once per request, shared with the menu)."""
    return (
        public_only(Page.objects.live(), request)
        .filter(locale=locale)
        .exclude(depth=1)
        .exclude(pk__in=DebateHold.objects.values("debate_id"))
    )


def visible_documents():
    """Documents outside private collections (documents have no language): a document
    is private when its collection, or one above it, has a view restriction. Decided in
    the documents' own query (a collection's path starts with its ancestors' paths)."""
    restricted = CollectionViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("collection__path"))
    )
    private = Collection.objects.filter(Exists(restricted)).values("pk")
    return get_document_model().objects.exclude(collection_id__in=private)


def number_variants(term):
    """A norm number as written and without (or with) its leading zero: "5" ↔ "05"."""
    plain = str(int(term))
    return {term, plain, plain.zfill(2)} if len(plain) < 2 else {term, plain}


def term_variants(term):
    """The spellings one query word matches in the full-text index.

    PostgreSQL's Spanish configuration stems plurals itself, so a term only adds its
    accent-free spelling (which also works before the unaccent configuration is in
    place). SQLite's FTS5 index already ignores accents but does not stem, so each term
    also matches its Spanish singular and plural forms."""
    if term.isdecimal():  # not isdigit(): "²" is a digit that int() refuses
        return sorted(number_variants(term))
    if connection.vendor == "postgresql":
        return sorted({term, fold(term)})
    return plural_variants(term)


def phrase_query(phrase):
    """All words of a (synonym's) phrase, each in any of its spellings."""
    words = phrase.split()
    parts = [Or([PlainText(variant) for variant in term_variants(word)]) for word in words]
    return And(parts) if len(parts) > 1 else parts[0]


def build_query(terms, per_term=None, whole=()):
    """All terms must match; each term matches any of its spellings or any of its
    synonyms' alternatives (``per_term``, aligned with ``terms``). ``whole`` lists
    alternatives of the whole query (a phrase synonym), any of which may match instead."""
    per_term = per_term or [[] for _term in terms]
    parts = []
    for term, alternatives in zip(terms, per_term, strict=True):
        options = [PlainText(variant) for variant in term_variants(term)]
        options += [phrase_query(alternative) for alternative in alternatives]
        parts.append(Or(options))
    query = And(parts) if len(parts) > 1 else parts[0]
    if whole:
        return Or([query, *(phrase_query(alternative) for alternative in whole)])
    return query


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


@functools.cache
def dependency_models():
    """(model, field name) for every concrete page model (and the document model) that
    records a dependency."""
    found = []
    for model in apps.get_models():
        if issubclass(model, Page) or model is get_document_model():
            found.extend((model, name) for name in dependency_fields(model))
    return found


def dependency_choices(locale):
    """Dependencies of this language a citizen can filter by (cached), or [] when no
    result type records one."""
    if not dependency_models():
        return []

    def compute():
        return [(str(dep.pk), str(dep)) for dep in Dependency.objects.filter(locale=locale)]

    return search_cache.cached_table("dependencies", [locale.pk], compute)


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


def promoted_queries(request=None):
    """Query strings that have editors' picks (cached: most searches have none; read
    once per request)."""

    def compute():
        return set(
            Query.objects.filter(editors_picks__isnull=False).values_list("query_string", flat=True)
        )

    return request_memo(
        request, "promoted", lambda: search_cache.cached_table("promoted", [], compute)
    )


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
    """Pages first, then documents, as one sliceable sequence for Django's Paginator.

    Each part is given as a function that builds its search results and the part's size
    (from the facet counts), so no COUNT query runs and a part is only built when a slice
    needs it; each part is sliced in the database, never loaded whole."""

    def __init__(self, parts):
        self.parts = [(build, size) for build, size in parts if size]

    def count(self):
        return sum(size for _part, size in self.parts)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        items, offset = [], 0
        for build, size in self.parts:
            low, high = max(start - offset, 0), min(stop - offset, size)
            if low < high:
                items.extend(build()[low:high])
            offset += size
        return items


class RankedPages:
    """Page matches as a sliceable sequence: the first ``len(order)`` positions are the
    pages of ``order`` (fetched by pk, one slice at a time), the rest the database's own
    order from there on (``order`` is a reordering of its first matches)."""

    def __init__(self, order, results, fetch):
        self.order, self.results, self.fetch = order, results, fetch

    def __getitem__(self, index):
        start, stop = index.start or 0, index.stop
        head = self.order[start:stop]
        items = []
        if head:
            pages = {page.pk: page for page in self.fetch(head)}
            items = [pages[pk] for pk in head if pk in pages]
        if stop is None or stop > len(self.order):
            items.extend(self.results()[max(start, len(self.order)) : stop])
        return items

    def get_queryset(self):
        """The database query of the matches (what the PostgreSQL index test explains)."""
        return self.results().get_queryset()


def reference(item):
    """What identifies a result in the cache: its kind and primary key."""
    return ("page" if isinstance(item, Page) else DOCUMENT_TYPE, item.pk)


class PresentedResults:
    """``ChainedResults`` turned into what the results list shows, one slice at a time.

    Each slice is cached as (reference, presented hit) pairs (see search.cache). A slice
    taken from the cache is checked again against the visibility filters, so a result
    that has since become private or unpublished is dropped even from a stale entry."""

    def __init__(self, results, key_parts, present, still_visible):
        self.results, self.key_parts = results, key_parts
        self.present, self.still_visible = present, still_visible

    def count(self):
        return self.results.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        computed = []

        def compute():
            items = self.results[index]
            computed.append(True)
            return list(zip(map(reference, items), self.present(items), strict=True))

        key = [*self.key_parts, index.start, index.stop]
        entries = search_cache.cached("slice", key, compute)
        if computed:
            return [hit for _ref, hit in entries]
        visible = self.still_visible([ref for ref, _hit in entries])
        return [hit for ref, hit in entries if tuple(ref) in visible]


@dataclass
class SiteSearch:
    """One search: query, language and filters in; results, facets and picks out.

    The expensive parts (the counts per result type and each page of result
    references) are cached across requests by search.cache."""

    query: str
    locale: object
    filters: SearchFilters = field(default_factory=SearchFilters)
    #: ``dependency_choices(locale)`` when the caller has already read them.
    dependencies: list | None = None
    #: The request, when there is one: what the search reads more than once (view
    #: restrictions, synonyms, promoted queries) is then read once per request, even
    #: when the view searches again with a correction.
    request: object = None

    @cached_property
    def terms(self):
        return query_terms(self.query)

    @cached_property
    def expansion(self):
        """The synonyms' alternatives: ``(per_term, whole)`` (see search.synonyms)."""
        return expand(self.terms, self.request)

    @cached_property
    def search_query(self):
        return build_query(self.terms, *self.expansion) if self.terms else None

    @cached_property
    def visible_pages(self):
        """Visible pages of this language (the view restrictions are read once)."""
        return visible_pages(self.locale, self.request)

    @cached_property
    def visible_documents(self):
        return visible_documents()

    def _pages(self, by_type=True):
        pages = self.visible_pages
        if self.filters.year:
            start, end = year_range(self.filters.year)
            pages = pages.filter(first_published_at__gte=start, first_published_at__lt=end)
        if self.filters.dependency:
            pages = pages.filter(id__in=ids_for_dependency(Page, self.filters.dependency))
        if by_type and self.filters.type and self.filters.type != DOCUMENT_TYPE:
            content_type = self.content_type_for(self.filters.type)
            pages = pages.filter(content_type=content_type) if content_type else pages.none()
        return pages

    def _documents(self):
        documents = self.visible_documents
        if self.filters.year:
            start, end = year_range(self.filters.year)
            documents = documents.filter(created_at__gte=start, created_at__lt=end)
        if self.filters.dependency:
            documents = documents.filter(
                id__in=ids_for_dependency(get_document_model(), self.filters.dependency)
            )
        return documents

    @staticmethod
    def content_type_for(value):
        app_label, _dot, model = value.partition(".")
        try:
            return ContentType.objects.get_by_natural_key(app_label, model)
        except ContentType.DoesNotExist:
            return None

    @cached_property
    def counts(self):
        """How many results of each type, ignoring the type filter so a citizen can
        switch between types: ``{"pages": [[content type id, count], ...], "documents":
        count}``. One grouped query for pages and one COUNT for documents, cached."""

        def compute():
            if database_full_text():
                return self.page_matches["counts"]
            pages = self._pages(by_type=False).search(self.search_query).facet("content_type_id")
            documents = self._documents().search(self.search_query).count()
            return {"pages": [[pk, n] for pk, n in pages.items() if pk], "documents": documents}

        if self.search_query is None:
            return {"pages": [], "documents": 0}
        key = [self.locale.pk, self.terms, self.filters.year, self.filters.dependency]
        return search_cache.cached("counts", key, compute)

    @property
    def page_count(self):
        if self.filters.type == DOCUMENT_TYPE:
            return 0
        counts = dict(self.counts["pages"])
        if not self.filters.type:
            return sum(counts.values())
        content_type = self.content_type_for(self.filters.type)
        return counts.get(content_type.pk, 0) if content_type else 0

    @property
    def total(self):
        """How many results the current filters give (from the cached counts)."""
        return self.page_count + self.document_count

    @property
    def document_count(self):
        return self.counts["documents"] if self.filters.type in ("", DOCUMENT_TYPE) else 0

    @cached_property
    def page_results(self):
        """The page matches, the best ``CANDIDATES`` reordered by search.ranking."""
        if self.search_query is None or self.filters.type == DOCUMENT_TYPE:
            return None
        return RankedPages(
            self.ranked_page_ids,
            lambda: self._pages().specific().search(self.search_query),
            self._fetch_pages,
        )

    def _fetch_pages(self, ids):
        """The pages of ``ids`` for the results list: with their indexed text and their
        section's title, in one query whatever their types (search.presenters reads the
        excerpt and the section from them), or specific (one query per type) when the
        index keeps no text."""
        pages = self._pages().filter(pk__in=ids)
        with_text = with_indexed_text(pages)
        return pages.specific() if with_text is None else with_section_titles(with_text)

    @cached_property
    def ranked_page_ids(self):
        """Primary keys of the best database matches in the order of search.ranking:
        on PostgreSQL read from ``page_matches`` (which also says which candidate is
        the norm a norm-like query names); elsewhere one query for the candidates and,
        for a norm-like query, one for their norm numbers (cached like the counts)."""

        def compute():
            if database_full_text():
                candidates = self.page_matches["candidates"]
                norm_matches = self.page_matches["exact_norms"]
            else:
                candidates = [
                    (page.pk, page.title, page.content_type_id)
                    for page in self._pages()
                    .only("pk", "title", "content_type_id")
                    .search(self.search_query)[:CANDIDATES]
                ]
                norm_matches = self.exact_norms([pk for pk, _t, _c in candidates])
            per_term, whole = self.expansion
            return rerank(
                candidates,
                self.terms,
                per_term,
                whole,
                norm_matches=norm_matches,
                procedure_type_id=self.content_type_id("transparency.procedurepage"),
                dependency_names=[name for _pk, name in self.dependency_choices],
            )

        key = [*self.cache_key, self.filters.type]
        return search_cache.cached("ranked", key, compute)

    @cached_property
    def page_matches(self):
        """PostgreSQL's full-text search (``database_full_text``): the counts and the
        best ``CANDIDATES`` page matches in ONE query.

        The full-text match of the pages is evaluated once (a materialised CTE of the
        query Wagtail's backend builds, with its relevance rank); the counts
        per content type (all types: a citizen can switch) and the candidates (of the
        type filter, if any) are read from it, and the documents' count is a third
        branch of the same statement. Same rows, same order as the separate queries:
        ``{"counts": <as SiteSearch.counts>, "candidates": [(pk, title, content type
        id), ...], "exact_norms": [pk of the candidate that is the norm the query names,
        if any]}``."""
        matches = self._pages(by_type=False).search(self.search_query).get_queryset()
        ranked = (
            matches.annotate(_rank=self._relevance(matches))
            .order_by()
            .values_list("pk", "title", "content_type_id", "_rank")
        )
        pages_sql, pages_params = sql_or_no_rows(ranked.query, NO_PAGES_SQL)
        documents = self._documents().search(self.search_query).get_queryset()
        documents_sql, documents_params = sql_or_no_rows(
            documents.order_by().values("pk").query, NO_DOCUMENTS_SQL
        )
        type_sql, type_params = "", []
        if self.filters.type and self.filters.type != DOCUMENT_TYPE:
            content_type = self.content_type_for(self.filters.type)
            type_sql, type_params = (
                "WHERE content_type_id = %s",
                [content_type.pk if content_type else None],
            )
        norm_sql, norm_params = self._exact_norm_sql()
        sql = MATCHES_SQL.format(
            pages=pages_sql, norm=norm_sql, type=type_sql, documents=documents_sql
        )
        params = [*pages_params, *norm_params, *type_params, CANDIDATES, *documents_params]
        candidates, pages, document_count, norms = [], [], 0, []
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        for part, pk, title, content_type_id, number, is_norm in rows:
            if part == 0:
                candidates.append(((-number, -pk), (pk, title, content_type_id)))
                if is_norm:
                    norms.append(pk)
            elif part == 1 and content_type_id:
                pages.append([content_type_id, int(number)])
            elif part == 2:
                document_count = int(number)
        if self.filters.type == DOCUMENT_TYPE:
            candidates = []
        return {
            "counts": {"pages": pages, "documents": document_count},
            "candidates": [candidate for _number, candidate in sorted(candidates)],
            "exact_norms": norms,
        }

    @staticmethod
    def _relevance(matches):
        """The rank expression Wagtail's PostgreSQL backend orders ``matches`` by (its
        first ordering, by descending relevance; ties go by descending id)."""
        relevance, tie = matches.query.order_by
        if not (isinstance(relevance, OrderBy) and relevance.descending and tie == "-pk"):
            raise ImproperlyConfigured(f"Unexpected search ordering: {matches.query.order_by}")
        return relevance.expression

    def _exact_norm_sql(self):
        """MATCHES_SQL's norm column and its parameters: FALSE unless the query names a
        norm (search.ranking.norm_reference)."""
        reference = norm_reference(self.query)
        if reference is None:
            return "FALSE", []
        from transparency.models import NormPage

        sql = EXACT_NORM_SQL.format(
            table=connection.ops.quote_name(NormPage._meta.db_table),
            pk=connection.ops.quote_name(NormPage._meta.pk.column),
        )
        norm_type, year = reference.norm_type, reference.year
        return sql, [reference.number, norm_type, norm_type, year, year]

    @cached_property
    def dependency_choices(self):
        if self.dependencies is not None:
            return self.dependencies
        return dependency_choices(self.locale)

    @property
    def cache_key(self):
        return [self.locale.pk, self.terms, self.filters.year, self.filters.dependency]

    def content_type_id(self, value):
        content_type = self.content_type_for(value)
        return content_type.pk if content_type else None

    def exact_norms(self, page_ids):
        """The pages among ``page_ids`` that are the norm the query names, if any."""
        reference = norm_reference(self.query)
        if reference is None or not page_ids:
            return []
        from transparency.models import NormPage

        norms = NormPage.objects.filter(pk__in=page_ids).values_list(
            "pk", "norm_type", "number", "year"
        )
        return [
            pk
            for pk, norm_type, number, year in norms
            if (number.lstrip("0") or "0") == reference.number
            and reference.norm_type in ("", norm_type)
            and reference.year in (None, year)
        ]

    @cached_property
    def document_results(self):
        if self.search_query is None or self.filters.type not in ("", DOCUMENT_TYPE):
            return None
        documents = self._documents()
        content_type = ContentType.objects.get_for_model(documents.model)
        with_text = with_indexed_text(documents, content_type.pk)
        return (documents if with_text is None else with_text).search(self.search_query)

    def presented_results(self, present, site_key):
        """The results as presented hits for Django's Paginator: ``present(items)`` turns
        a slice of pages and documents into hits; ``site_key`` names what the hits'
        URLs depend on (the request's host)."""
        chained = ChainedResults(
            [
                (lambda: self.page_results, self.page_count),
                (lambda: self.document_results, self.document_count),
            ]
        )
        key = [self.locale.pk, self.terms, self.filters.year, self.filters.dependency]
        return PresentedResults(
            chained, [*key, self.filters.type, site_key], present, self.still_visible
        )

    def still_visible(self, references):
        """The references (kind, pk) that are still visible results."""
        ids = {"page": [], DOCUMENT_TYPE: []}
        for kind, pk in references:
            ids[kind].append(pk)
        visible = set()
        if ids["page"]:
            pages = self.visible_pages.filter(pk__in=ids["page"]).values_list("pk", flat=True)
            visible.update(("page", pk) for pk in pages)
        if ids[DOCUMENT_TYPE]:
            documents = self.visible_documents.filter(pk__in=ids[DOCUMENT_TYPE])
            visible.update((DOCUMENT_TYPE, pk) for pk in documents.values_list("pk", flat=True))
        return visible

    @cached_property
    def type_facets(self):
        """(value, label, count) for every result type present, ignoring the type filter;
        derived from the content types found. Labels use the singular verbose name:
        most page models define no plural, and Django's default plural of a translated
        name ("página estándars") reads wrong."""
        facets = []
        for pk, count in self.counts["pages"]:
            try:
                content_type = ContentType.objects.get_for_id(pk)
            except ContentType.DoesNotExist:
                continue
            model = content_type.model_class()
            if model is None:
                continue
            value = f"{content_type.app_label}.{content_type.model}"
            facets.append((value, str(model._meta.verbose_name).capitalize(), count))
        if self.counts["documents"]:
            label = str(get_document_model()._meta.verbose_name).capitalize()
            facets.append((DOCUMENT_TYPE, label, self.counts["documents"]))
        return sorted(facets, key=lambda facet: (-facet[2], facet[1]))

    @cached_property
    def promotions(self):
        """Editors' picks for this query (typed with or without accents), each page
        replaced by its translation in this language, and kept only when the citizen may
        see it there. External links always qualify."""
        normalised = normalise_query_string(self.query)
        if not normalised or not {normalised, fold(normalised)} & promoted_queries(self.request):
            return []
        picks = list(
            SearchPromotion.objects.filter(query__query_string__in={normalised, fold(normalised)})
            .select_related("page")
            .order_by("sort_order", "pk")
        )
        keys = {pick.page.translation_key for pick in picks if pick.page_id}
        translations = {
            page.translation_key: page
            for page in self.visible_pages.filter(translation_key__in=keys)
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
        """Log the query in Wagtail's daily hits, and as "without results" when empty
        (batched: see search.hits)."""
        from . import hits

        hits.add(normalise_query_string(self.query), timezone.localdate(), found)
