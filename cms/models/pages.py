from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class BasePage(Page):
    """Abstract base for every public page of the portal.

    It carries the short introduction that listings, search results and social cards
    reuse, so no page type redefines it. Templates show ``last_published_at`` as the
    "última actualización" date that Res. 1519 asks for on every page."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Wagtail's routing, with every page along the URL read in one query
        (``cms.page_routing``)."""
        if path_components and request is not None:
            from cms.page_routing import route_down

            return route_down(self, request, path_components)
        return super().route(request, path_components)

    def get_view_restrictions(self):
        """For a page being served, the restrictions read once for the whole request
        (``cms.page_routing``); otherwise Wagtail's lookup."""
        from cms.page_routing import view_restrictions_for

        restrictions = view_restrictions_for(self)
        if restrictions is None:
            return super().get_view_restrictions()
        return restrictions

    @property
    def last_updated(self):
        return self.last_published_at or self.latest_revision_created_at or self.first_published_at


def with_introductions(queryset):
    """The pages of ``queryset`` as plain ``Page`` objects carrying the ``introduction``
    of their own type, read in the same query (through the tables of every page type
    of the portal): a listing of pages of mixed types in ONE query, instead of one
    more per type that ``.specific()`` costs. For cards that show the title, the
    introduction and the link."""
    from wagtail.models import get_page_models

    names = [
        f"{model._meta.model_name}__introduction"
        for model in get_page_models()
        if issubclass(model, BasePage) and not model._meta.abstract
    ]
    pages = list(
        queryset.annotate(
            card_introduction=Coalesce(*map(F, names), Value(""), output_field=models.TextField())
        )
    )
    for page in pages:
        page.introduction = page.card_introduction
    return pages
