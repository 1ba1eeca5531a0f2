"""RSS 2.0 and Atom feeds of a news room (Django's syndication framework)."""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

FEED_SIZE = 20


class NewsRssFeed(Feed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index.title

    def link(self):
        return self.index.get_full_url(request=self.request)

    def description(self):
        return self.index.introduction or _("Latest news from the Alcaldía de Soacha")

    def items(self):
        return list(self.index.news()[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(
            timezone.datetime.combine(item.date, timezone.datetime.min.time())
        )

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_category_display()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
