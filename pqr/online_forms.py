"""Online forms editors build (GEL "formularios para diligenciamiento en línea",
"trámites / servicios en transacción"): a Wagtail form page whose submission files a
PQRSD case through ``pqr.filing``, with the same radicado counter, tracking code,
double-submit guard, consent, deadlines and notifications as the PQRSD form.

The citizen fills the editor's fields plus ``PetitionerForm`` (identity, contact,
attachments, consent). The case's subject is the page title, its description the
answers as "label: value" lines, and ``Case.online_form`` records the page.

No Wagtail ``FormSubmission`` is stored: the answers live in the case only, so the
petitioner's data has one home with one retention and erasure rule
(``pqr.personal_data``), and officers see them in the PQRSD inbox."""

import datetime

from django import forms
from django.db import models
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import Locale

from django_ratelimit.core import is_ratelimited

from cms import ratelimits
from cms.models import BasePage

from . import terms
from .filing import file_web_form
from .forms import PetitionerForm
from .models import PUBLIC_TYPES, PetitionType
from .privacy import acknowledged_code, personal_data, remember_acknowledgement

#: editor's fields are named ``field_<clean name>`` so none can take the name of a
#: PetitionerForm field ("email", "name", "address"... an English label gives these).
ANSWER_PREFIX = "field_"
RATE_LIMIT_GROUP = "pqr.online_form"


class OnlineFormField(AbstractFormField):
    page = ParentalKey("pqr.OnlineFormPage", on_delete=models.CASCADE, related_name="form_fields")


class AnswersBuilder(FormBuilder):
    @property
    def formfields(self):
        return {ANSWER_PREFIX + name: field for name, field in super().formfields.items()}


def answer_text(value):
    """One answer as the officer reads it in the case description."""
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return "" if value is None else str(value)


class OnlineFilingForm(PetitionerForm):
    """The editor's fields (added by ``OnlineFormPage.get_form_class``) and the
    petitioner's part. ``clean`` turns the answers into the case's data."""

    def __init__(self, *args, page=None, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)

    def answer_fields(self):
        return [self[name] for name in self.fields if name.startswith(ANSWER_PREFIX)]

    def answers(self):
        lines = []
        for bound in self.answer_fields():
            value = self.cleaned_data.get(bound.name)
            lines.append(f"{bound.label}: {answer_text(value)}")
        return "\n".join(lines)

    def clean(self):
        data = super().clean()
        description = self.answers()
        if len(description) > terms.MAX_DESCRIPTION_CHARS:
            raise forms.ValidationError(
                _(
                    "Your answers have %(length)s characters; the maximum is %(max)s. "
                    "Shorten them or attach a document."
                ),
                params={"length": len(description), "max": terms.MAX_DESCRIPTION_CHARS},
            )
        data["description"] = description
        data["subject"] = self.page.title[:200]
        data["petition_type"] = self.page.petition_type
        data["online_form"] = self.page
        dependency = self.page.dependency
        if dependency is not None:
            # Officers work with the Spanish dependencies (pqr.admin_forms.AssignForm).
            data["dependency"] = dependency.get_translation_or_none(Locale.get_default())
        return data


class OnlineFormPage(AbstractForm, BasePage):
    """A request form built by editors; each submission is a tracked PQRSD case."""

    petition_type = models.CharField(
        _("filed as"),
        max_length=30,
        choices=[(t.value, t.label) for t in PUBLIC_TYPES],
        default=PetitionType.GENERAL,
        help_text=_("The type of PQRSD the request is filed as; it sets the legal term."),
    )
    dependency = models.ForeignKey(
        "cms.Dependency",
        verbose_name=_("responsible dependency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Cases filed through this form go to this dependency's officers."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Shown with the filing number once the request is filed."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("petition_type"), FieldPanel("dependency")])],
            heading=_("Filing"),
        ),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["home.StandardPage"]
    subpage_types = []
    template = "pqr/online_form_page.html"
    landing_page_template = "pqr/online_form_page_landing.html"
    form_builder = AnswersBuilder

    class Meta:
        verbose_name = _("online form")
        verbose_name_plural = _("online forms")

    def get_form_class(self):
        fields = self.form_builder(self.get_form_fields()).formfields
        attrs = {**fields, "field_order": ["form_token", *fields, "attachments"]}
        return type("OnlineFilingForm", (OnlineFilingForm,), attrs)

    def process_form_submission(self, form):
        raise NotImplementedError("OnlineFormPage files a case: see serve().")

    def serve(self, request, *args, **kwargs):
        return personal_data(self._serve)(request)

    def _serve(self, request):
        if request.method != "POST":
            form = self.get_form(page=self, user=request.user)
            return self.render_form(request, form)
        form = self.get_form(request.POST, request.FILES, page=self)
        limited = is_ratelimited(
            request,
            group=RATE_LIMIT_GROUP,
            key="ip",
            rate=ratelimits.rate("pqr_filing"),
            method="POST",
            increment=True,
        )
        if limited:
            context = {**self.get_context(request), "form": form}
            return ratelimits.too_many_requests(request, self.get_template(request), context)
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        return self.file(request, form)

    def render_form(self, request, form, status=200):
        context = {**self.get_context(request), "form": form}
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def file(self, request, form):
        data = form.cleaned_data
        filed = file_web_form(request, data)
        code = filed.code
        if code:
            remember_acknowledgement(request, filed.case, code)
        else:
            # The same form arrived twice: show the first filing; its code only if
            # this browser filed it.
            code = acknowledged_code(request, filed.case)
        context = {
            **self.get_context(request),
            "case": filed.case,
            "code": code,
            "repeated": not filed.created,
        }
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return TemplateResponse(
                request, self.get_landing_page_template(request), self.get_context(request)
            )
        return super().serve_preview(request, mode_name)
