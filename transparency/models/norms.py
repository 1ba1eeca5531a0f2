"""Normatividad (Res. 1519 category 2; GEL "leyes, ordenanzas, acuerdos, decretos,
resoluciones, proyectos de normatividad").

Each norm is a page over a Wagtail document, so it gets a URL, the site search,
sitemap.xml, the last-updated date and the editorial workflow for free."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BaseStreamBlock
from cms.navigation import public_only

from .. import norm_guards
from ..listing import ListingFilterForm, listing_context, read_filters
from .base import SectionPage, localize_pages, optional_link

NORM_TYPES = [
    ("ley", _("Law")),
    ("ordenanza", _("Ordinance")),
    ("acuerdo", _("Municipal agreement")),
    ("decreto", _("Decree")),
    ("resolucion", _("Resolution")),
    ("circular", _("Circular")),
    ("proyecto", _("Draft regulation")),
]
DRAFT = "proyecto"

#: "Decreto 387 de 2009", "decreto no. 387/2009", "387 de 2009", "387": the type word
#: (Spanish or English, optional), the number and the year (optional).
LOOKUP = re.compile(
    r"^\s*(?P<type>[^\d\s]+)?\s*(?:n[oº°]\.?|n[uú]mero|number)?\s*(?P<number>\d{1,6})"
    r"(?:\s*(?:de|of|del|/|-)\s*(?P<year>\d{4}))?\s*$",
    re.IGNORECASE,
)
TYPE_WORDS = {
    "ley": "ley",
    "law": "ley",
    "ordenanza": "ordenanza",
    "ordinance": "ordenanza",
    "acuerdo": "acuerdo",
    "agreement": "acuerdo",
    "decreto": "decreto",
    "decree": "decreto",
    "resolucion": "resolucion",
    "resolución": "resolucion",
    "resolution": "resolucion",
    "circular": "circular",
    "proyecto": "proyecto",
    "draft": "proyecto",
}


def parse_lookup(text):
    """``{"norm_type", "number", "year"}`` when ``text`` names a norm by number, else None."""
    match = LOOKUP.match(text or "")
    if not match:
        return None
    word = (match.group("type") or "").lower()
    if word and word not in TYPE_WORDS:
        return None
    return {
        "norm_type": TYPE_WORDS.get(word),
        "number": match.group("number").lstrip("0") or "0",
        "year": int(match.group("year")) if match.group("year") else None,
    }


class NormIndexPage(SectionPage):
    """The norms listing: newest first, filters by type, year and in-force, and a
    lookup that understands "Decreto 387 de 2009" as well as plain words."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [*SectionPage.content_panels, FieldPanel("body")]
    subpage_types = ["transparency.NormPage"]

    class Meta:
        verbose_name = _("norms index page")

    def norms(self, request=None):
        return public_only(NormPage.objects.child_of(self).live(), request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        years = sorted(
            set(self.norms(request).values_list("year", flat=True).distinct()), reverse=True
        )
        values, form, notices = read_filters(NormFilterForm, request, years=years)
        queryset = (
            self.norms(request)
            .select_related("document")
            .order_by("-issue_date", "-year", "-pk")
            .defer_streamfields()
        )
        if values.get("norm_type"):
            queryset = queryset.filter(norm_type=values["norm_type"])
        if values.get("year"):
            queryset = queryset.filter(year=values["year"])
        if values.get("in_force") == "yes":
            queryset = queryset.filter(in_force=True)
        elif values.get("in_force") == "no":
            queryset = queryset.filter(in_force=False)
        if values.get("q"):
            lookup = parse_lookup(values["q"])
            if lookup:
                by_number = models.Q(number__iregex=rf"^0*{lookup['number']}$")
                if not lookup["norm_type"] and not lookup["year"] and len(lookup["number"]) == 4:
                    by_number |= models.Q(year=int(lookup["number"]))  # "2009": a year too
                queryset = queryset.filter(by_number)
                if lookup["norm_type"]:
                    queryset = queryset.filter(norm_type=lookup["norm_type"])
                if lookup["year"]:
                    queryset = queryset.filter(year=lookup["year"])
            else:
                queryset = queryset.filter(
                    models.Q(title__icontains=values["q"])
                    | models.Q(epigraph__icontains=values["q"])
                )
        context.update(listing_context(request, queryset, values, form, notices))
        return context


class NormFilterForm(ListingFilterForm):
    norm_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *NORM_TYPES]
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    in_force = forms.ChoiceField(
        label=_("Validity"),
        required=False,
        choices=[("", _("In force or not")), ("yes", _("In force")), ("no", _("Not in force"))],
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].label = _("Number or words")
        self.fields["q"].help_text = _("For example: Decreto 387 de 2009, or 387.")
        self.fields["year"].choices = [("", _("All years")), *[(y, y) for y in years]]


class NormPage(SectionPage):
    """A norm: type, number, year, dates, issuer, epígrafe, validity, the norms it
    modifies or repeals, and its document. A draft (``proyecto``) carries the
    deadline for comments (CPACA art. 8.8; Res. 1519 item 2.3)."""

    norm_type = models.CharField(_("type"), max_length=20, choices=NORM_TYPES)
    number = models.CharField(_("number"), max_length=20, help_text=_("As issued, e.g. 387."))
    year = models.PositiveSmallIntegerField(_("year"))
    issue_date = models.DateField(_("date of issue"))
    publication_date = models.DateField(_("date of publication"), null=True, blank=True)
    issuer = models.CharField(
        _("issued by"), max_length=200, help_text=_("e.g. Alcalde Municipal, Concejo Municipal.")
    )
    epigraph = models.TextField(
        _("epígrafe"), help_text=_("The norm's heading: what it is about, in its own words.")
    )
    in_force = models.BooleanField(_("in force"), default=True)
    document = optional_link("wagtaildocs.Document", _("document"))
    comment_deadline = models.DateField(
        _("deadline for comments"),
        null=True,
        blank=True,
        help_text=_("Required for draft regulations (at least 15 calendar days is advised)."),
    )
    comment_email = models.EmailField(
        _("email for comments"), blank=True, help_text=_("The electronic channel for comments.")
    )
    modifies = ParentalManyToManyField(
        "self",
        verbose_name=_("modifies"),
        symmetrical=False,
        blank=True,
        related_name="modified_by",
    )
    repeals = ParentalManyToManyField(
        "self",
        verbose_name=_("repeals"),
        symmetrical=False,
        blank=True,
        related_name="repealed_by",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *SectionPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("norm_type"),
                FieldPanel("number"),
                FieldPanel("year"),
                FieldPanel("issue_date"),
                FieldPanel("publication_date"),
                FieldPanel("issuer"),
                FieldPanel("in_force"),
            ],
            heading=_("Identification"),
        ),
        FieldPanel("epigraph"),
        FieldPanel("document"),
        MultiFieldPanel(
            [FieldPanel("comment_deadline"), FieldPanel("comment_email")],
            heading=_("Draft regulations"),
        ),
        FieldPanel("modifies"),
        FieldPanel("repeals"),
        FieldPanel("body"),
    ]
    search_fields = [
        *SectionPage.search_fields,
        index.SearchField("search_label", boost=3),
        index.SearchField("number", boost=3),
        index.SearchField("year"),
        index.SearchField("epigraph"),
        index.SearchField("issuer"),
        index.AutocompleteField("search_label"),
        index.FilterField("norm_type"),
        index.FilterField("year"),
        index.FilterField("in_force"),
    ]
    parent_page_types = ["transparency.NormIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("norm")
        verbose_name_plural = _("norms")
        indexes = [models.Index(fields=["norm_type", "year", "number"])]

    def label_in(self, language):
        with translation.override(language):
            return gettext("%(type)s %(number)s of %(year)s") % {
                "type": self.get_norm_type_display(),
                "number": self.number,
                "year": self.year,
            }

    @property
    def label(self):
        """ "Decreto 387 de 2009" in the active language (how the norm is cited)."""
        return self.label_in(translation.get_language())

    def search_label(self):
        """The citation in every language, so "Decreto 387 de 2009" and "Decree 387 of
        2009" both find the norm whatever language the index was built in."""
        return " / ".join(self.label_in(code) for code, _name in settings.LANGUAGES)

    @property
    def is_draft(self):
        return self.norm_type == DRAFT

    @property
    def comments_open(self):
        return bool(
            self.is_draft
            and self.comment_deadline
            and self.comment_deadline >= timezone.localdate()
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.is_draft and not self.comment_deadline:
            errors["comment_deadline"] = _("A draft regulation needs its deadline for comments.")
        if self.issue_date and self.year and self.issue_date.year != self.year:
            errors["year"] = _("The year must match the date of issue.")
        if self.publication_date and self.issue_date and self.publication_date < self.issue_date:
            errors["publication_date"] = _("A norm cannot be published before it is issued.")
        try:
            norm_guards.check(self)
        except ValidationError as refused:  # always by field (norm_guards.check)
            for name, messages in refused.message_dict.items():
                errors[name] = [*([errors[name]] if name in errors else []), *messages]
        if errors:
            raise ValidationError(errors)

    #: read with the page when it is served (cms.page_routing)
    serve_select_related = ("document",)

    #: the relations a norm page lists: (context name, through model field of this
    #: norm, field of the related one)
    RELATIONS = (
        ("modifies", "modifies", "from_normpage", "to_normpage"),
        ("repeals", "repeals", "from_normpage", "to_normpage"),
        ("modified_by", "modifies", "to_normpage", "from_normpage"),
        ("repealed_by", "repeals", "to_normpage", "from_normpage"),
    )

    def related_norms(self):
        """The live norms this one modifies and repeals and those that modify and
        repeal it, each list in the active language, in ONE query for the four (plus
        one for the translations), however many there are."""
        condition, flags = Q(pk__in=[]), {}
        for name, field, this, other in self.RELATIONS:
            through = getattr(NormPage, field).through.objects.filter(**{f"{this}_id": self.pk})
            condition |= Q(pk__in=through.values(f"{other}_id"))
            flags[f"in_{name}"] = Exists(through.filter(**{f"{other}_id": OuterRef("pk")}))
        norms = list(
            NormPage.objects.live()
            .filter(condition)
            .annotate(**flags)
            .defer_streamfields()
            .order_by("path")
        )
        localized = {page.translation_key: page for page in localize_pages(norms)}
        related = {}
        for name, *_fields in self.RELATIONS:
            seen, pages = set(), []
            for norm in norms:
                if getattr(norm, f"in_{name}") and norm.translation_key not in seen:
                    seen.add(norm.translation_key)
                    pages.append(localized[norm.translation_key])
            related[name] = pages
        return related

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.related_norms())
        return context
