"""A short-lived cache of search counts, presented results and filter choices, shared by
every visitor.

Results never depend on who asks (only live, public content is searched), so one entry
serves everyone. Every key includes a *generation* that changes whenever something that
could change a result changes (a page, a document, a view restriction, a collection, a
dependency, an editors' pick), so edits show at once; entries also expire after
``SEARCH_CACHE_SECONDS`` (300; 0 turns the cache off). Cached results are always checked
again against the visibility filters, so even a stale entry can never show content that
has since become private."""

import functools
import hashlib
import json
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

GENERATION_KEY = "search:generation"
DEFAULT_SECONDS = 300


def timeout():
    return getattr(settings, "SEARCH_CACHE_SECONDS", DEFAULT_SECONDS)


def generation():
    """The current content generation (created on first use, kept until content changes)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return value


def new_generation():
    """Make every cached search stale."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def cached(kind, parts, compute):
    """``compute()``, cached under ``kind`` and the JSON-serialisable ``parts``."""
    seconds = timeout()
    if seconds <= 0:
        return compute()
    raw = json.dumps([generation(), *parts], default=str, sort_keys=True)
    key = f"search:{kind}:{hashlib.sha256(raw.encode()).hexdigest()[:40]}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


@functools.cache
def watched_models():
    """Models whose changes can change a search result or a filter choice."""
    from django.apps import apps

    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

    models = [
        Page,
        get_document_model(),
        PageViewRestriction,
        Collection,
        CollectionViewRestriction,
        SearchPromotion,
    ]
    if apps.is_installed("transparency"):
        models.append(apps.get_model("transparency", "Dependency"))
    return tuple(models)


def content_changed(sender, instance=None, **kwargs):
    if isinstance(instance, watched_models()):
        new_generation()


def page_moved(sender, **kwargs):
    new_generation()


def connect_signals():
    from wagtail.signals import post_page_move

    post_save.connect(content_changed, dispatch_uid="search-cache-save")
    post_delete.connect(content_changed, dispatch_uid="search-cache-delete")
    post_page_move.connect(page_moved, dispatch_uid="search-cache-move")
