"""Directories (Res. 1519 items 1.5–1.7 and 1.13): public officials, other entities
(including the entes de control that oversee the Alcaldía) and associations."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from cms.models import Dependency

from ..listing import ListingFilterForm, listing_context, read_filters
from .base import SectionPage


class PublicOfficial(TranslatableMixin, index.Indexed, models.Model):
    """A row of the directory of public servants.

    It holds **only** what Ley 1712 art. 9 (c) makes public: name, position,
    dependency, institutional email and phone, and the salary scale. No ID number,
    home address, personal phone, birth date or photo: those are personal data under
    Ley 1581 and have no field here, so no template or export can leak them (a test
    checks the field list). Translatable so the position reads in English on /en/."""

    name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=200)
    dependency = models.ForeignKey(
        Dependency,
        verbose_name=_("dependency"),
        on_delete=models.PROTECT,
        related_name="officials",
    )
    email = models.EmailField(_("institutional email"), blank=True)
    phone = models.CharField(_("institutional phone"), max_length=100, blank=True)
    salary_scale = models.CharField(
        _("salary scale"),
        max_length=200,
        blank=True,
        help_text=_("Level, grade and monthly base pay, e.g. Directivo 020-05, $ 11.457.000."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("dependency"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("salary_scale"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("position"),
        index.AutocompleteField("name"),
    ]

    #: The only fields the public directory shows (Ley 1712 art. 9 c).
    PUBLIC_FIELDS = ("name", "position", "dependency", "email", "phone", "salary_scale")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("public official")
        verbose_name_plural = _("public officials")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} – {self.position}"


ENTITY_KINDS = [
    ("control", _("Oversight body (ente de control)")),
    ("nacional", _("National entity")),
    ("departamental", _("Departmental entity")),
    ("municipal", _("Municipal entity")),
    ("descentralizada", _("Decentralised entity")),
]


class OtherEntity(TranslatableMixin, index.Indexed, models.Model):
    """Another public entity the citizen may need: the entes de control that oversee
    the Alcaldía (Res. 1519 item 1.13) and the directory of entities (item 1.6)."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ENTITY_KINDS)
    description = models.TextField(
        _("what it does"),
        blank=True,
        help_text=_("For oversight bodies: what control it exercises."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("website"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("entity")
        verbose_name_plural = _("entities")
        ordering = ["name"]

    def __str__(self):
        return self.name


GROUP_KINDS = [
    ("agremiacion", _("Trade body")),
    ("asociacion", _("Association")),
    ("comunal", _("Community action board")),
    ("veeduria", _("Citizen oversight committee")),
    ("otro", _("Other interest group")),
]


class InterestGroup(TranslatableMixin, index.Indexed, models.Model):
    """An agremiación, asociación or other interest group (Res. 1519 item 1.7). Only
    the group's public contact channels: a person's own data never goes here."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=GROUP_KINDS)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("website"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("interest group")
        verbose_name_plural = _("interest groups")
        ordering = ["name"]

    def __str__(self):
        return self.name


DIRECTORY_KINDS = [
    ("officials", _("Public officials")),
    ("entities", _("Other entities")),
    ("control", _("Oversight bodies")),
    ("groups", _("Associations and interest groups")),
]


class OfficialFilterForm(ListingFilterForm):
    dependency = forms.ModelChoiceField(
        label=_("Dependency"), queryset=Dependency.objects.none(), required=False
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dependency"].queryset = Dependency.objects.filter(locale=locale)
        self.fields["dependency"].empty_label = _("All dependencies")


class EntityFilterForm(ListingFilterForm):
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args, kinds=(), **kwargs):
        kwargs.pop("locale", None)
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *kinds]


class DirectoryPage(SectionPage):
    """One directory, chosen by ``directory``: officials, entities, oversight bodies or
    interest groups. Filterable (by dependency or kind), searchable by name,
    paginated; the page reads a fixed number of queries whatever the directory size."""

    directory = models.CharField(_("directory"), max_length=20, choices=DIRECTORY_KINDS)
    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [*SectionPage.content_panels, FieldPanel("directory"), FieldPanel("body")]

    class Meta:
        verbose_name = _("directory page")

    def listing(self):
        """(queryset, filter form class, extra form arguments) for this directory."""
        if self.directory == "officials":
            queryset = PublicOfficial.objects.filter(locale=self.locale).select_related(
                "dependency"
            )
            return queryset, OfficialFilterForm, {"locale": self.locale}
        if self.directory == "groups":
            queryset = InterestGroup.objects.filter(locale=self.locale)
            return queryset, EntityFilterForm, {"kinds": GROUP_KINDS}
        queryset = OtherEntity.objects.filter(locale=self.locale)
        if self.directory == "control":
            queryset = queryset.filter(kind="control")
            return queryset, ListingFilterForm, {}
        return queryset, EntityFilterForm, {"kinds": ENTITY_KINDS}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        queryset, form_class, form_kwargs = self.listing()
        values, form, notices = read_filters(form_class, request, **form_kwargs)
        if values.get("q"):
            queryset = queryset.filter(name__icontains=values["q"])
        if values.get("dependency"):
            queryset = queryset.filter(dependency=values["dependency"])
        if values.get("kind"):
            queryset = queryset.filter(kind=values["kind"])
        context.update(listing_context(request, queryset, values, form, notices))
        return context
