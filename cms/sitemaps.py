from urllib.parse import urlsplit, urlunsplit

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.navigation import public_only


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists only the active language's tree; list every language's
    home page and its descendants so search engines find the English pages too.

    Locations carry the host the sitemap was fetched from (validated by
    ``ALLOWED_HOSTS``), not the Site record's hostname, which the demo leaves at
    ``localhost`` and deployments easily forget to change."""

    def items(self):
        site = self.get_wagtail_site()
        homes = Page.objects.filter(
            translation_key=site.root_page.translation_key, depth=site.root_page.depth
        )
        in_any_tree = Q()
        for home in homes:
            in_any_tree |= Q(path__startswith=home.path)
        # No page type of the portal overrides ``get_sitemap_urls``, which reads only
        # Page fields: the pages are made specific without reading their own tables
        # (one query for the whole tree, not one more per page type).
        return (
            public_only(Page.objects.live(), self.request)
            .filter(in_any_tree)
            .order_by("path")
            .defer_streamfields()
            .specific(defer=True)
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        if self.request is None:
            return urls
        scheme, host = self.request.scheme, self.request.get_host()
        for url in urls:
            parts = urlsplit(url["location"])
            url["location"] = urlunsplit((scheme, host, *parts[2:]))
        return urls
