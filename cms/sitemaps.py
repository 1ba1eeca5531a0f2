from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists only the active language's tree; list every language's
    home page and its descendants so search engines find the English pages too."""

    def items(self):
        site = self.get_wagtail_site()
        homes = Page.objects.filter(
            translation_key=site.root_page.translation_key, depth=site.root_page.depth
        )
        in_any_tree = Q()
        for home in homes:
            in_any_tree |= Q(path__startswith=home.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_any_tree)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
