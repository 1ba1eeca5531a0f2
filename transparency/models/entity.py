"""Who the entity is: misión, visión, objetivos y funciones; the organigrama; sedes,
horarios and phones per dependency; processes (Res. 1519 items 1.1–1.4 and 1.9)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from cms.models import Dependency

from .base import SectionPage, optional_link

RICH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]


class EntityInfoPage(SectionPage):
    """Misión, visión, objetivos, funciones y deberes (Res. 1519 item 1.1; GEL
    "misión y visión", "objetivos y funciones"). Each is its own field so the page
    always shows the four headings the law names, in the same order."""

    mission = RichTextField(_("mission"), features=RICH_FEATURES)
    vision = RichTextField(_("vision"), features=RICH_FEATURES)
    objectives = RichTextField(_("objectives"), features=RICH_FEATURES, blank=True)
    functions = RichTextField(_("functions and duties"), features=RICH_FEATURES, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *SectionPage.content_panels,
        FieldPanel("mission"),
        FieldPanel("vision"),
        FieldPanel("objectives"),
        FieldPanel("functions"),
        FieldPanel("body"),
    ]
    search_fields = [
        *SectionPage.search_fields,
        index.SearchField("mission"),
        index.SearchField("vision"),
        index.SearchField("objectives"),
        index.SearchField("functions"),
    ]

    class Meta:
        verbose_name = _("mission, vision and functions page")


class OrganigramPage(SectionPage):
    """The organigrama as structured data: the dependency tree rendered as a nested
    list that a screen reader can walk, with an optional chart image beside it."""

    image = optional_link("wagtailimages.Image", _("organisation chart image"))
    image_alt = models.CharField(
        _("alternative text of the image"),
        max_length=250,
        blank=True,
        help_text=_("Required with an image: the list below already describes the structure."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *SectionPage.content_panels,
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("organisation chart page")

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = Dependency.tree(self.locale)
        return context


class OfficesPage(SectionPage):
    """Sedes y horarios: where each dependency attends, when, and how to call or
    write to it (GEL "localización física", "teléfonos, línea gratuita y fax",
    "horarios ... cada dependencia"; Res. 1519 item 1.4)."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [*SectionPage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("offices and opening hours page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        dependencies = Dependency.objects.filter(locale=self.locale)
        sedes = {}
        for dependency in dependencies:
            sedes.setdefault(dependency.address or "", []).append(dependency)
        context["sedes"] = sorted(sedes.items(), key=lambda item: (item[0] == "", item[0]))
        return context


PROCESS_TYPES = [
    ("estrategico", _("Strategic processes")),
    ("misional", _("Core processes")),
    ("apoyo", _("Support processes")),
    ("evaluacion", _("Evaluation and control processes")),
]


class ProcessesPage(SectionPage):
    """Procesos y procedimientos: the process map, grouped the way MIPG draws it
    (strategic, core, support, evaluation), each with its owner and its description
    document (Res. 1519 items 1.3 and 1.9)."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *SectionPage.content_panels,
        InlinePanel("processes", label=_("processes"), heading=_("Process map")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("processes and procedures page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        processes = list(self.processes.select_related("dependency", "document"))
        context["process_groups"] = [
            (label, [p for p in processes if p.process_type == key])
            for key, label in PROCESS_TYPES
            if any(p.process_type == key for p in processes)
        ]
        return context


class ProcessItem(Orderable):
    page = ParentalKey(ProcessesPage, on_delete=models.CASCADE, related_name="processes")
    name = models.CharField(_("name"), max_length=200)
    process_type = models.CharField(_("type"), max_length=20, choices=PROCESS_TYPES)
    objective = models.TextField(_("objective"), blank=True)
    dependency = optional_link(Dependency, _("responsible dependency"))
    document = optional_link("wagtaildocs.Document", _("description (caracterización) document"))

    panels = [
        FieldPanel("name"),
        FieldPanel("process_type"),
        FieldPanel("objective"),
        FieldPanel("dependency"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("process")
        verbose_name_plural = _("processes")
