from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.models import BasePage, with_introductions
from cms.navigation import public_only
from home.blocks import HomeStreamBlock

LIST_SIZE = 6


def tagged_content(page, audience_slug, request=None):
    """Latest news, upcoming events and standard pages of ``page``'s language tagged
    for an audience: a bounded number of queries whatever the amount of content (the
    news' and events' images come joined, with the renditions of both in one more)."""
    from django.utils import timezone

    from .common import prefetch_renditions
    from .events import EventPage
    from .news import NewsPage
    from .pages import StandardPage

    def common(model):
        return (
            public_only(model.objects.live(), request)
            .filter(locale_id=page.locale_id, audiences__slug=audience_slug)
            .defer_streamfields()
            .distinct()
        )

    news = list(common(NewsPage).select_related("image").order_by("-date", "-pk")[:LIST_SIZE])
    events = list(
        common(EventPage)
        .select_related("image")
        .filter(end__gte=timezone.now())
        .order_by("start")[:LIST_SIZE]
    )
    prefetch_renditions([item.image for item in [*news, *events]])  # one query for both
    return {
        "news": news,
        "events": events,
        "pages": list(common(StandardPage).order_by("title")[:LIST_SIZE]),
    }


class AudiencePage(BasePage):
    """A page for one interest group that lists the content tagged for it."""

    audience = models.ForeignKey(
        "cms.Audience", verbose_name=_("audience"), on_delete=models.PROTECT, related_name="+"
    )
    body = StreamField(HomeStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("audience"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    # Audience pages hang from a section and have no children.
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("audience page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(tagged_content(self, self.audience.slug, request))
        return context


class ChildrenPage(BasePage):
    """The children's section: short sentences, big type, content for niños y niñas."""

    body = StreamField(HomeStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    # The children's section hangs from a section; its own pages are standard pages.
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("children's section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(tagged_content(self, "ninos", request))
        context["subpages"] = with_introductions(public_only(self.get_children().live(), request))
        return context
