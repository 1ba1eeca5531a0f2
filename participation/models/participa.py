"""The "Participa" landing page (DAFP guidelines, standards.md §5): six fixed sections,
each with the entity's text, the processes an editor assigns to it (consultations,
debates, surveys, reports) and, when it has none yet, what will be published there
and when. The page also shows the participation calendar of every process."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from cms.models import BasePage

SECTION_CHOICES = [
    ("diagnostico", _("Diagnosis and identification of problems")),
    ("planeacion", _("Participatory planning and budgeting")),
    ("consulta", _("Citizen consultation")),
    ("colaboracion", _("Collaboration and open innovation")),
    ("rendicion", _("Accountability")),
    ("control", _("Social oversight")),
]
SECTION_KEYS = [key for key, _label in SECTION_CHOICES]


class ParticipaPageForm(WagtailAdminPageForm):
    """The page form checks the sections as a whole: each of the six appears once, and
    one without processes says what will be published there and when."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("participa_sections")
        if formset is None or not formset.is_bound:
            return cleaned
        formset.is_valid()  # cleans each section's form
        seen = set()
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("key"):
                continue
            key = data["key"]
            if key in seen:
                form.add_error(
                    "key",
                    _("Section “%(section)s” appears twice: each section appears once.")
                    % {"section": dict(SECTION_CHOICES)[key]},
                )
                continue
            seen.add(key)
            try:
                validate_upcoming(key, bool(data.get("processes")), data.get("upcoming"))
            except ValidationError as error:
                form.add_error("upcoming", error)
        return cleaned


class ParticipaPage(BasePage):
    """The landing of the democracy phase: the six DAFP sections and the calendar."""

    base_form_class = ParticipaPageForm

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "participation.ConsultationIndexPage",
        "participation.DebateIndexPage",
        "surveys.SurveyIndexPage",
        "home.StandardPage",
    ]
    max_count_per_parent = 1

    intro = RichTextField(
        _("introduction"), features=["bold", "italic", "link", "ul", "ol"], blank=True
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel("participa_sections", label=_("Sections"), min_num=6, max_num=6),
    ]

    class Meta:
        verbose_name = _("Participa landing page")

    def get_context(self, request, *args, **kwargs):
        from participation.participa import participa_context

        context = super().get_context(request, *args, **kwargs)
        context.update(participa_context(self, request))
        return context


class ParticipaSection(Orderable, ClusterableModel):
    """One of the six sections; a ClusterableModel so its processes (a
    ParentalManyToManyField) are kept in the page's revisions and saved on publish."""

    page = ParentalKey(ParticipaPage, on_delete=models.CASCADE, related_name="participa_sections")
    key = models.CharField(_("section"), max_length=20, choices=SECTION_CHOICES)
    intro = RichTextField(
        _("what the section is for"), features=["bold", "italic", "link", "ul"], blank=True
    )
    processes = ParentalManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("processes and reports"),
        blank=True,
        related_name="+",
        help_text=_("Consultations, debates, surveys, results and reports shown in this section."),
    )
    upcoming = models.TextField(
        _("what will be published and when"),
        blank=True,
        help_text=_(
            "Shown while the section has no process: e.g. “The 2027 budget in March 2027”."
        ),
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("intro"),
        FieldPanel("processes"),
        FieldPanel("upcoming"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Participa section")
        constraints = [
            models.UniqueConstraint(fields=["page", "key"], name="participation_participa_key")
        ]

    def __str__(self):
        return self.get_key_display()


def validate_upcoming(section_key, has_processes, upcoming):
    """A section without processes must say what will be published there and when."""
    if not has_processes and not (upcoming or "").strip():
        raise ValidationError(
            _("Section “%(section)s” has no process yet: say what will be published and when.")
            % {"section": dict(SECTION_CHOICES)[section_key]}
        )
