from django.apps import apps
from django.db import models
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.template.backends.django import get_installed_libraries
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.models import BasePage, with_introductions
from cms.navigation import get_main_menu, public_only
from home.blocks import HomeStreamBlock

from .common import ImageFields, audiences_field, prefetch_renditions

HOME_NEWS = 3
HOME_EVENTS = 3


def featured_procedures_available():
    """Whether the transparency app provides the most-used trámites tag yet."""
    return apps.is_installed("transparency") and "transparency_tags" in get_installed_libraries()


class HomePage(BasePage):
    """The portal's front page, one per language (the Spanish one is the site root)."""

    body = StreamField(HomeStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        InlinePanel("section_cards", heading=_("Images of the portal's sections"), label=_("Card")),
    ]

    # The home page sits at the top of the tree and there is only one per locale.
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news, events = self.news_and_events(request)
        context["latest_news"], context["upcoming_events"] = news, events
        context["featured_procedures_available"] = featured_procedures_available()
        context["sections"] = self.sections(request)
        prefetch_renditions(
            [item.image for item in [*news, *events]]
            + [card.image for _section, card in context["sections"] if card]
        )
        return context

    def sections(self, request):
        """The "sections of the portal" cards: each main menu page with the image its
        card has on this home page, matched by translation key so one card serves the
        section in every language. One query (with the menu's), whatever the number of cards."""
        menu = get_main_menu(request)
        cards = {
            card.section.translation_key: card
            for card in self.section_cards.select_related("section", "image")
        }
        return [(section, cards.get(section.translation_key)) for section in menu]

    def news_and_events(self, request):
        """The latest news and the upcoming events in ONE query: a window function
        ranks each type separately so each keeps its own limit and order."""

        rank = Window(
            RowNumber(),
            partition_by=[F("content_type_id")],
            order_by=[
                F("newspage__date").desc(nulls_last=True),
                F("eventpage__start").asc(nulls_last=True),
                F("pk").desc(),
            ],
        )
        rows = (
            public_only(Page.objects.live(), request)
            .descendant_of(self)
            .filter(Q(newspage__isnull=False) | Q(eventpage__end__gte=timezone.now()))
            .annotate(rank=rank)
            .filter(rank__lte=max(HOME_NEWS, HOME_EVENTS))
            .select_related("newspage__image", "eventpage__image")
            .defer("newspage__body", "eventpage__body")
            .order_by("rank")
        )
        news, events = [], []
        for row in rows:
            if hasattr(row, "newspage") and len(news) < HOME_NEWS:
                news.append(row.newspage)
            elif hasattr(row, "eventpage") and len(events) < HOME_EVENTS:
                events.append(row.eventpage)
        return news, events


class HomeSectionCard(ImageFields, Orderable):
    """The image of one section's card on the home page (the sections are the main
    menu's pages, of any type, so the card rather than the page carries it)."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="section_cards")
    section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A page of the main menu."),
    )

    panels = [
        FieldPanel("section"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("image_decorative"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("section card")
        verbose_name_plural = _("section cards")


class StandardPage(BasePage):
    """A general content page: sections of the transparency menu, policies, help."""

    body = StreamField(HomeStreamBlock(), verbose_name=_("body"), blank=True)
    audiences = audiences_field()

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    promote_panels = [*BasePage.promote_panels, FieldPanel("audiences")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    # Standard pages live anywhere under the home page and nest to build sections;
    # the listings (news, events, FAQ, glossary, audiences) hang from a section.
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "home.EventIndexPage",
        "home.FaqPage",
        "home.GlossaryPage",
        "home.ChildrenPage",
        "home.AudiencePage",
        "surveys.SurveyIndexPage",
        "surveys.SurveyPage",
        "participation.DebateIndexPage",
        "participation.ConsultationIndexPage",
        "pqr.OnlineFormPage",
    ]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = with_introductions(public_only(self.get_children().live(), request))
        return context
