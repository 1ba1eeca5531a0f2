"""Cross-request caches of derived content, made stale the moment the content changes.

A ``ContentCache`` keeps values computed from the database (search counts, the main
menu) in Django's cache under keys that include a *generation*. Saving or deleting an
instance of a watched model, or moving a page, replaces the generation, so every entry
computed before the change is never read again; entries also expire after a timeout
taken from a setting (0 turns the cache off).

With a shared cache (Redis, ``REDIS_URL``) a change is seen by every worker at once.
With the per-process local-memory cache other workers see it when their entries
expire, which is why the timeouts are short; what must never lag (who may see a page)
is then not cached across requests at all (see ``cms.navigation.public_only``)."""

import hashlib
import json
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db.models.signals import post_delete, post_save


class ContentCache:
    def __init__(self, prefix, timeout_setting, default_seconds, watched_models):
        self.prefix = prefix
        self.timeout_setting = timeout_setting
        self.default_seconds = default_seconds
        self._watched_models = watched_models
        self._models = None

    @property
    def generation_key(self):
        return f"{self.prefix}:generation"

    @staticmethod
    def is_shared():
        """Whether every worker reads the same cache (not the per-process local memory)."""
        return not isinstance(caches["default"], LocMemCache)

    def timeout(self):
        return getattr(settings, self.timeout_setting, self.default_seconds)

    def generation(self):
        """The current generation (created on first use, kept until content changes)."""
        value = cache.get(self.generation_key)
        if value is None:
            cache.add(self.generation_key, uuid.uuid4().hex, None)
            value = cache.get(self.generation_key)
        return value

    def new_generation(self):
        """Make every entry of this cache stale."""
        cache.set(self.generation_key, uuid.uuid4().hex, None)

    def cached(self, kind, parts, compute, generation=None):
        """``compute()``, cached under ``kind`` and the JSON-serialisable ``parts``."""
        seconds = self.timeout()
        if seconds <= 0:
            return compute()
        generation = generation or self.generation()
        raw = json.dumps([generation, *parts], default=str, sort_keys=True)
        key = f"{self.prefix}:{kind}:{hashlib.sha256(raw.encode()).hexdigest()[:40]}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, seconds)
        return value

    def watched_models(self):
        if self._models is None:
            self._models = tuple(self._watched_models())
        return self._models

    def _content_changed(self, sender, instance=None, **kwargs):
        if isinstance(instance, self.watched_models()):
            self.new_generation()

    def _page_moved(self, sender, **kwargs):
        self.new_generation()

    def connect_signals(self):
        from wagtail.signals import post_page_move

        post_save.connect(self._content_changed, dispatch_uid=f"{self.prefix}-cache-save")
        post_delete.connect(self._content_changed, dispatch_uid=f"{self.prefix}-cache-delete")
        post_page_move.connect(self._page_moved, dispatch_uid=f"{self.prefix}-cache-move")
