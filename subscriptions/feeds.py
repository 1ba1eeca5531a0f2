"""Atom feeds of the lists (news, events, new processes) and of one process, for
feed readers: the same items the subscribers get by e-mail, without an address.

Public and cacheable: no session, no cookie; a bounded number of queries (the latest
FEED_SIZE pages, their specific rows fetched per type)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from . import lists
from .models import Announcement

FEED_SIZE = 20
MAX_AGE = 600


class _PublicFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    def item_link(self, item):
        return item["url"]

    def item_title(self, item):
        return item["title"]

    def item_description(self, item):
        return item["description"]

    def item_pubdate(self, item):
        return item["date"]

    def item_guid(self, item):
        return item["guid"]


class ListFeed(_PublicFeed):
    """The latest pages of one list, in the active language."""

    def get_object(self, request, list_key):
        if list_key not in lists.LISTS:
            raise Http404
        return list_key

    def title(self, list_key):
        return str(lists.LISTS[list_key])

    def subtitle(self, list_key):
        return _("The latest items of this list on the portal")

    def link(self, list_key):
        return reverse("subscriptions:subscribe") + f"?lista={list_key}"

    def items(self, list_key):
        models = lists.models_for(list_key)
        if not models:
            return []
        pages = (
            Page.objects.live()
            .public()
            .type(*models)
            .filter(locale=Locale.get_active())
            .order_by("-first_published_at", "-pk")
            .specific()[:FEED_SIZE]
        )
        return [
            {
                "title": page.title,
                "description": getattr(page, "introduction", "") or "",
                "url": page.get_full_url(request=self.request),
                "date": page.first_published_at,
                "guid": f"page-{page.translation_key}",
            }
            for page in pages
        ]


class ProcessFeed(_PublicFeed):
    """The news and results announced for one consultation or debate."""

    def get_object(self, request, page_id):
        page = Page.objects.live().public().filter(pk=page_id).first()
        page = page.specific if page is not None else None
        if page is None or not lists.is_process(page):
            raise Http404
        return page

    def title(self, page):
        return _("News of “%(title)s”") % {"title": page.title}

    def subtitle(self, page):
        return str(lists.PROCESS_LISTS[lists.PROCESS])

    def link(self, page):
        return page.get_url(request=self.request)

    def items(self, page):
        announced = (
            Announcement.objects.filter(
                list_key__in=list(lists.PROCESS_LISTS),
                page__translation_key=page.translation_key,
            )
            .order_by("-created_at", "-pk")
            .values("pk", "list_key", "created_at")[:FEED_SIZE]
        )
        url = page.get_full_url(request=self.request)
        titles = {
            lists.RESULTS: _("Results of “%(title)s”"),
            lists.PROCESS: _("News of “%(title)s”"),
        }
        descriptions = {
            lists.RESULTS: _("The results of this process were published."),
            lists.PROCESS: _("The page of this process was updated."),
        }
        return [
            {
                "title": titles[row["list_key"]] % {"title": page.title},
                "description": descriptions[row["list_key"]],
                "url": f"{url}#anuncio-{row['pk']}",
                "date": row["created_at"],
                "guid": f"announcement-{row['pk']}",
            }
            for row in announced
        ]
