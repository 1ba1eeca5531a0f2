from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index


class DependencyQuerySet(models.QuerySet):
    def in_active_locale(self):
        return self.filter(locale=Locale.get_active())


class Dependency(TranslatableMixin, index.Indexed, models.Model):
    """A secretaría, oficina or dirección of the Alcaldía.

    Everything else is filed under one: officials, trámites, documents, news, events
    and petitions. ``parent`` builds the organigrama as a tree. Translatable so the
    English site shows English names (wagtail-localize). The contact fields answer the
    GEL criteria "localización física", "teléfonos, líneas gratuitas y fax" and
    "horarios de atención" *per dependency* (Decreto 387 de 2009, Tabla 2)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reports to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    description = models.TextField(
        _("functions"),
        blank=True,
        help_text=_("What the dependency does, in plain language (its main functions)."),
    )
    head_position = models.CharField(
        _("position of its head"),
        max_length=200,
        blank=True,
        help_text=_("For example: Secretario(a) de Hacienda."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    toll_free_phone = models.CharField(_("toll-free line"), max_length=100, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    email = models.EmailField(_("institutional email"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=255, blank=True)

    objects = DependencyQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
        FieldPanel("head_position"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("opening_hours"),
                FieldPanel("phone"),
                FieldPanel("toll_free_phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
            ],
            heading=_("Office and contact"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("dependency")
        verbose_name_plural = _("dependencies")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        # The table keeps the name it had when the model lived in transparency, so
        # moving the model to cms changed no row (cms migration 0009).
        db_table = "transparency_dependency"

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @classmethod
    def tree(cls, locale=None):
        """The organigrama: root dependencies of ``locale`` (the active one by default),
        each with ``.nodes`` holding its children, built from one query."""
        items = list(cls.objects.filter(locale=locale or Locale.get_active()))
        by_parent = {}
        for item in items:
            by_parent.setdefault(item.parent_id, []).append(item)
        ids = {item.pk for item in items}
        for item in items:
            item.nodes = by_parent.get(item.pk, [])
        return [item for item in items if item.parent_id is None or item.parent_id not in ids]
