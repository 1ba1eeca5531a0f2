"""Trámites y servicios (Res. 1519 category 5; GEL "listado de trámites y servicios"):
what a citizen can ask the Alcaldía for, with requirements, cost, legal time limit,
channels, the legal basis and the forms."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import DocumentBlock, LinkBlock
from cms.models import AUDIENCE_CHOICES, Dependency
from cms.navigation import public_only

from ..listing import ListingFilterForm, listing_context, read_filters
from .base import MENU_PAGE, SectionPage, localize_pages, optional_link

PROCEDURE_KINDS = [
    ("tramite", _("Procedure (trámite)")),
    ("servicio", _("Service")),
]

TOPICS = [
    ("hacienda", _("Taxes and finance")),
    ("urbanismo", _("Planning, land and building")),
    ("movilidad", _("Mobility and transit")),
    ("social", _("Social development")),
    ("salud", _("Health")),
    ("educacion", _("Education")),
    ("gobierno", _("Government and coexistence")),
    ("ambiente", _("Environment")),
    ("vivienda", _("Housing")),
    ("desarrollo", _("Economic development")),
    ("cultura", _("Culture and sport")),
]

#: Levels of online availability (Manual GEL: información, interacción, transacción).
ONLINE_LEVELS = [
    ("informacion", _("Information: requirements online, done in person")),
    ("interaccion", _("Interaction: forms and queries online")),
    ("transaccion", _("Transaction: fully online")),
]
ONLINE = ("interaccion", "transaccion")


class ProcedureFilterForm(ListingFilterForm):
    dependency = forms.ModelChoiceField(
        label=_("Dependency"), queryset=Dependency.objects.none(), required=False
    )
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, choices=[("", _("All topics")), *TOPICS]
    )
    audience = forms.ChoiceField(
        label=_("For"), required=False, choices=[("", _("Everyone")), *AUDIENCE_CHOICES]
    )
    online = forms.BooleanField(label=_("Available online"), required=False)

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].label = _("Search procedures")
        self.fields["dependency"].queryset = Dependency.objects.filter(locale=locale)
        self.fields["dependency"].empty_label = _("All dependencies")


class ProcedureIndexPage(SectionPage):
    """The catalogue: filters by dependency, topic, audience and "available online",
    paginated, in a fixed number of queries whatever the catalogue size."""

    subpage_types = ["transparency.ProcedurePage"]
    parent_page_types = [MENU_PAGE, "home.HomePage"]

    class Meta:
        verbose_name = _("procedures index page")

    def procedures(self, request=None):
        return public_only(ProcedurePage.objects.child_of(self).live(), request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        values, form, notices = read_filters(ProcedureFilterForm, request, locale=self.locale)
        queryset = (
            self.procedures(request)
            .select_related("responsible_dependency", "online_form")
            .order_by("-featured", "title")
        )
        if values.get("q"):
            queryset = queryset.filter(
                models.Q(title__icontains=values["q"]) | models.Q(purpose__icontains=values["q"])
            )
        if values.get("dependency"):
            queryset = queryset.filter(responsible_dependency=values["dependency"])
        if values.get("topic"):
            queryset = queryset.filter(topic=values["topic"])
        if values.get("audience"):
            queryset = queryset.filter(audiences__slug=values["audience"])
        if values.get("online"):
            queryset = queryset.filter(
                models.Q(online_level__in=ONLINE) | models.Q(online_form__live=True)
            )
        context.update(listing_context(request, queryset, values, form, notices))
        return context


class ProcedurePage(SectionPage):
    """One trámite or service, in the order a citizen reads it: what it is for, who
    can ask, what to bring, what it costs, how long the law gives us, where to do it."""

    kind = models.CharField(_("kind"), max_length=20, choices=PROCEDURE_KINDS, default="tramite")
    purpose = models.TextField(_("what it is for"))
    who_may_request = models.TextField(_("who may request it"))
    requirements = RichTextField(_("requirements"), features=["bold", "italic", "link", "ol", "ul"])
    cost = models.CharField(
        _("cost"), max_length=255, help_text=_("“Gratuito”, or the amount and how it is set.")
    )
    time_limit = models.CharField(
        _("legal time limit"), max_length=255, help_text=_("e.g. 15 días hábiles.")
    )
    channel_in_person = models.BooleanField(_("in person"), default=True)
    channel_online = models.BooleanField(_("online"), default=False)
    channel_phone = models.BooleanField(_("by phone"), default=False)
    channel_details = models.TextField(
        _("where and how"), blank=True, help_text=_("Office, hours, phone line or web address.")
    )
    responsible_dependency = models.ForeignKey(
        Dependency,
        verbose_name=_("responsible dependency"),
        on_delete=models.PROTECT,
        related_name="procedures",
    )
    legal_basis = optional_link(
        "transparency.NormPage", _("legal basis"), related_name="procedures"
    )
    legal_basis_text = models.CharField(
        _("other legal basis"),
        max_length=255,
        blank=True,
        help_text=_("A national norm not published on this portal, e.g. Ley 1755 de 2015."),
    )
    downloadable_forms = StreamField(
        [("document", DocumentBlock()), ("link", LinkBlock())],
        verbose_name=_("forms to download"),
        blank=True,
    )
    online_form = optional_link(
        "wagtailcore.Page",
        _("online form of this portal"),
        help_text=_(
            "An online form page of this portal that files the request; when it is "
            "published the procedure is done fully online (transaction level)."
        ),
    )
    online_form_url = models.URLField(
        _("online form"),
        blank=True,
        help_text=_("The address of an online form in another system, if any."),
    )
    online_level = models.CharField(
        _("level of online availability"),
        max_length=20,
        choices=ONLINE_LEVELS,
        default="informacion",
    )
    audiences = ParentalManyToManyField(
        "cms.Audience", verbose_name=_("audiences"), blank=True, related_name="procedures"
    )
    topic = models.CharField(_("topic"), max_length=20, choices=TOPICS)
    featured = models.BooleanField(
        _("most used"), default=False, help_text=_("Shown on the home page among the most used.")
    )
    suit_url = models.URLField(
        _("SUIT / GOV.CO record"), blank=True, help_text=_("The official record of the trámite.")
    )

    content_panels = [
        *SectionPage.content_panels,
        FieldPanel("kind"),
        FieldPanel("purpose"),
        FieldPanel("who_may_request"),
        FieldPanel("requirements"),
        MultiFieldPanel(
            [FieldPanel("cost"), FieldPanel("time_limit")], heading=_("Cost and time limit")
        ),
        MultiFieldPanel(
            [
                FieldPanel("channel_in_person"),
                FieldPanel("channel_online"),
                FieldPanel("channel_phone"),
                FieldPanel("channel_details"),
                FieldPanel("online_level"),
                # A string, not the class: transparency never imports pqr (import-linter).
                PageChooserPanel("online_form", "pqr.OnlineFormPage"),
                FieldPanel("online_form_url"),
            ],
            heading=_("Channels"),
        ),
        FieldPanel("responsible_dependency"),
        MultiFieldPanel(
            [
                PageChooserPanel("legal_basis", "transparency.NormPage"),
                FieldPanel("legal_basis_text"),
            ],
            heading=_("Legal basis"),
        ),
        FieldPanel("downloadable_forms"),
        MultiFieldPanel(
            [
                FieldPanel("topic"),
                FieldPanel("audiences"),
                FieldPanel("featured"),
                FieldPanel("suit_url"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *SectionPage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("purpose"),
        index.SearchField("who_may_request"),
        index.SearchField("requirements"),
        # "secretaría de salud" finds the trámites that dependency answers for.
        index.RelatedFields(
            "responsible_dependency", [index.SearchField("name"), index.SearchField("acronym")]
        ),
        index.FilterField("topic"),
        index.FilterField("online_level"),
    ]
    parent_page_types = ["transparency.ProcedureIndexPage"]
    subpage_types = []
    serve_select_related = ("responsible_dependency", "online_form")

    class Meta:
        verbose_name = _("procedure or service")
        verbose_name_plural = _("procedures and services")

    @property
    def has_online_form(self):
        """Whether the linked online form page of this portal is published."""
        return bool(self.online_form_id and self.online_form.live)

    @property
    def effective_online_level(self):
        """The level shown and counted: a published online form of this portal makes
        the procedure a transaction, whatever the editor chose."""
        return "transaccion" if self.has_online_form else self.online_level

    @property
    def effective_online_level_display(self):
        return dict(ONLINE_LEVELS)[self.effective_online_level]

    @property
    def available_online(self):
        return self.effective_online_level in ONLINE

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        basis = localize_pages([self.legal_basis] if self.legal_basis_id else [])
        context["legal_basis"] = basis[0] if basis else None
        context["audience_list"] = list(self.audiences.all())
        online_form = localize_pages([self.online_form] if self.has_online_form else [])
        context["online_form"] = online_form[0] if online_form else None
        return context
