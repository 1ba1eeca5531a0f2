"""A short-lived cache of search counts, presented results and filter choices, shared by
every visitor.

Results never depend on who asks (only live, public content is searched), so one entry
serves everyone. Every key includes a *generation* that changes whenever something that
could change a result changes (a page, a document, a view restriction, a collection, a
dependency, an editors' pick, a debate held by moderation), so edits show at once;
entries also expire after ``SEARCH_CACHE_SECONDS`` (300; 0 turns the cache off).
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
GENERATION_KEY = SEARCH_CACHE.generation_key
timeout = SEARCH_CACHE.timeout
generation = SEARCH_CACHE.generation
new_generation = SEARCH_CACHE.new_generation
cached = SEARCH_CACHE.cached
watched_models = SEARCH_CACHE.watched_models
connect_signals = SEARCH_CACHE.connect_signals
