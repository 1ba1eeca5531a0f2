from django.db import models
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

    @property
    def last_updated(self):
        return self.last_published_at or self.latest_revision_created_at or self.first_published_at
