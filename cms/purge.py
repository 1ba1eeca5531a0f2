"""What a change purges from the shared caches in front of the portal (Varnish, or any
cache ``wagtail.contrib.frontend_cache`` drives), configured from the environment
(``FRONTEND_CACHE_URLS``; nothing is sent without it).

- A page published, unpublished or moved: Wagtail's frontend_cache purges the page's
  own URLs (its routable sub-pages too); this module adds its parent (the listing that
  shows it), the home page of its language, the sitemap and the page's feed URLs.
- A page in the main menu (``show_in_menus``), a view restriction, the entity settings
  (footer, contact data, logo), a snippet (shown by the pages that choose it), a site
  or a locale: the whole site is banned (Varnish ``BAN`` on every URL; purged object by
  object by the ban lurker) — a rare event, and the next visit of each page renders it
  again.
- The in-process page cache (``cms.page_cache``) is purged whole on every one of
  these changes.

Failures to reach a cache are logged, never raised: publishing never fails because a
cache is down (its objects then expire with their ``s-maxage``)."""

import logging
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache

logger = logging.getLogger(__name__)
TIMEOUT = 5
SITE_WIDE_URLS = ("/sitemap.xml",)


def cache_locations():
    return [
        config["LOCATION"]
        for config in getattr(settings, "WAGTAILFRONTENDCACHE", {}).values()
        if config.get("LOCATION")
    ]


def ban_everything():
    """Ask every cache to drop every object (Varnish ``BAN`` of ``.``)."""
    for location in cache_locations():
        request = Request(location, method="BAN", headers={"X-Ban-Url": "."})  # noqa: S310
        try:
            urlopen(request, timeout=TIMEOUT).close()  # noqa: S310 (a configured http URL)
        except OSError:
            logger.exception("Could not ban the cache at %s", location)


def _listing_urls(page):
    urls = []
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        urls.append(parent.full_url)
    site = page.get_site()
    if site is not None:
        home = site.root_page.get_translation_or_none(page.locale)
        if home is not None:
            urls.append(home.full_url)
        urls += [site.root_url + path for path in SITE_WIDE_URLS]
    return [url for url in urls if url]


def purge_listings(page):
    if not cache_locations():
        return
    if page.show_in_menus:
        ban_everything()
        return
    batch = PurgeBatch()
    batch.add_urls(_listing_urls(page))
    for url in list(batch.urls):
        parts = urlsplit(url)
        if parts.path.endswith("/"):
            batch.add_url(f"{parts.scheme}://{parts.netloc}{parts.path}rss/")
    batch.purge()


def _page_changed(sender, instance, **kwargs):
    page_cache.purge_all()
    purge_listings(instance)


def _page_moved(sender, instance, **kwargs):
    page_cache.purge_all()
    if cache_locations():
        ban_everything()


def _site_wide_models():
    from wagtail.snippets.models import get_snippet_models

    from cms.models import EntitySettings

    return (EntitySettings, PageViewRestriction, Site, Locale, *get_snippet_models())


def _site_wide_change(sender, instance=None, **kwargs):
    if isinstance(instance, _site_wide_models()):
        page_cache.purge_all()
        if cache_locations():
            ban_everything()


def connect_signals():
    page_published.connect(_page_changed, dispatch_uid="cms.purge.published")
    page_unpublished.connect(_page_changed, dispatch_uid="cms.purge.unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="cms.purge.moved")
    post_save.connect(_site_wide_change, dispatch_uid="cms.purge.site_wide_save")
    post_delete.connect(_site_wide_change, dispatch_uid="cms.purge.site_wide_delete")
