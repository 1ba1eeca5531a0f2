from urllib.parse import urlencode

from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms.models import BasePage
from cms.navigation import public_only
from cms.pagination import paginate
from home.blocks import HomeStreamBlock

from .common import PAGE_SIZE, ImageFields, audiences_field, dependency_field, with_images

NEWS_CATEGORIES = [
    ("noticia", _("News")),
    ("boletin", _("Press release")),
    ("publicacion", _("Publication")),
]


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news room: a paginated listing filterable by category, plus RSS and Atom."""

    # News rooms hang from a section page; they hold only news items.
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.NewsPage"]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    class Meta:
        verbose_name = _("news index page")

    def news(self, category=None, request=None):
        items = with_images(
            public_only(NewsPage.objects.live(), request)
            .child_of(self)
            .select_related("dependency")
            .order_by("-date", "-pk")
            .defer_streamfields()
        )
        if category:
            items = items.filter(category=category)
        return items

    @path("")
    def index_route(self, request):
        messages = []
        category = request.GET.get("categoria", "")
        if category and category not in dict(NEWS_CATEGORIES):
            messages.append(gettext("The category you asked for does not exist: showing all news."))
            category = ""
        page_obj = paginate(request, self.news(category, request), PAGE_SIZE, messages)
        context = self.get_context(request)
        context.update(
            news_page=page_obj,
            page_obj=page_obj,
            notices=messages,
            categories=NEWS_CATEGORIES,
            category=category,
            extra_query=urlencode({"categoria": category}) if category else "",
        )
        return TemplateResponse(request, self.get_template(request), context)

    @path("rss/", name="rss")
    def rss_route(self, request):
        from home.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_route(self, request):
        from home.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPage(ImageFields, BasePage):
    """A news item, press release or publication filed under a dependency."""

    #: read with the page when it is served (cms.page_routing)
    serve_select_related = ("dependency", "image")

    date = models.DateField(_("date"), default=timezone.localdate)
    category = models.CharField(
        _("category"), max_length=20, choices=NEWS_CATEGORIES, default="noticia"
    )
    dependency = dependency_field()
    body = StreamField(HomeStreamBlock(), verbose_name=_("body"), blank=True)
    audiences = audiences_field()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("category"), FieldPanel("dependency")],
            heading=_("Filing"),
        ),
        ImageFields.image_panel(),
        FieldPanel("body"),
    ]
    promote_panels = [*BasePage.promote_panels, FieldPanel("audiences")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    # A news item lives in a news room and has no children.
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
