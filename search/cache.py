"""Short-lived caches of the search, shared by every visitor: one for each query's
counts and presented results, one for the tables every query reads (synonyms, promoted
queries, the dependency filter's choices, the titles' vocabulary for corrections).

Results never depend on who asks (only live, public content is searched), so one entry
serves everyone. Every key includes a *generation* that changes whenever something that
could change a result changes (a page, a document, a view restriction, a collection, a
dependency, an editors' pick, a debate held by moderation), so edits show at once;
entries also expire after ``SEARCH_CACHE_SECONDS`` for the queries' entries and
``SEARCH_TABLES_CACHE_SECONDS`` for the tables (300 each; 0 turns that cache off).
The two are separate because most queries citizens type are unique: the results of
one query are rarely read again, the tables by every query.
Cached results are always checked again against the visibility filters, so even a
stale entry can never show content that has since become private."""

from cms.content_cache import ContentCache

DEFAULT_SECONDS = 300


def _watched_models():
    """Models whose changes can change a search result or a filter choice."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

    from cms.models import Dependency
    from participation.models import DebateHold

    from .models import Synonym

    return [
        Page,
        get_document_model(),
        PageViewRestriction,
        Collection,
        CollectionViewRestriction,
        SearchPromotion,
        Dependency,
        DebateHold,
        Synonym,
    ]


SEARCH_CACHE = ContentCache("search", "SEARCH_CACHE_SECONDS", DEFAULT_SECONDS, _watched_models)
TABLES_CACHE = ContentCache(
    "search-tables", "SEARCH_TABLES_CACHE_SECONDS", DEFAULT_SECONDS, _watched_models
)
cached = SEARCH_CACHE.cached
cached_table = TABLES_CACHE.cached


def new_generation():
    """Make every entry of both caches stale (after writes that send no signals)."""
    SEARCH_CACHE.new_generation()
    TABLES_CACHE.new_generation()


def connect_signals():
    SEARCH_CACHE.connect_signals()
    TABLES_CACHE.connect_signals()
