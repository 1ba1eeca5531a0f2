"""Forms of the staff inbox (Wagtail admin)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cms.models import Dependency

from . import rules
from .forms import clean_identity, id_type_field
from .models import Channel, PetitionType, Status
from .workflow import TRANSITIONS


class TransitionForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    message = forms.CharField(
        label=_("Message to the citizen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when requesting completion (say what is missing) and when declaring "
            "tacit withdrawal (give the reasons)."
        ),
    )
    answer = forms.CharField(
        label=_("Answer"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    transferred_to = forms.CharField(
        label=_("Competent authority (when transferring)"), required=False, max_length=200
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS[Status(case.status)]
        self.fields["status"].choices = [(s.value, s.label) for s in Status if s in allowed]
        if case.term_suspended:
            self.fields["status"].help_text = _(
                "“In process” records that the petitioner completed the petition: the full "
                "term starts again."
            )
        if case.published_anonymously:
            self.fields["answer"].help_text = _(
                "This petition is anonymous: the answer is published on the public list of "
                "answers to anonymous petitions. Do not include personal data."
            )


class AssignForm(forms.Form):
    dependency = forms.ModelChoiceField(
        label=_("Dependency"), queryset=Dependency.objects.none(), required=False
    )
    official = forms.ModelChoiceField(
        label=_("Official"), queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dependency"].queryset = Dependency.objects.filter(locale__language_code="es")
        self.fields["official"].queryset = rules.official_users().order_by("email")


class ExtendForm(forms.Form):
    new_due_date = forms.DateField(
        label=_("New due date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class ExtendCompletionForm(forms.Form):
    reason = forms.CharField(
        label=_("Petitioner's request for more time"), widget=forms.Textarea(attrs={"rows": 2})
    )


class ReclassifyForm(forms.Form):
    petition_type = forms.ChoiceField(label=_("Type"), choices=PetitionType.choices)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note (never shown to the citizen)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VerbalPetitionForm(forms.Form):
    """A petition received in person or by phone (Decreto 1166 de 2016): the record
    keeps identity or "anonymous", address, object, reasons, documents, the receiving
    official (the logged-in user) and the verbal channel."""

    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[
            (Channel.VERBAL.value, Channel.VERBAL.label),
            (Channel.PHONE.value, Channel.PHONE.label),
        ],
    )
    petition_type = forms.ChoiceField(label=_("Type"), choices=PetitionType.choices)
    anonymous = forms.BooleanField(label=_("Anonymous"), required=False)
    name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    id_type = id_type_field()
    id_number = forms.CharField(label=_("Identity document number"), max_length=30, required=False)
    address = forms.CharField(label=_("Postal address"), max_length=250, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    subject = forms.CharField(label=_("Object of the petition"), max_length=200)
    description = forms.CharField(label=_("Reasons"), widget=forms.Textarea, max_length=10_000)
    documents = forms.CharField(
        label=_("Documents provided"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    consent = forms.BooleanField(
        label=_("The petitioner was informed of the privacy notice and consented"), required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("anonymous"):
            clean_identity(self, data)
        if not data.get("anonymous") and not data.get("name"):
            self.add_error(
                "name", _("Give the petitioner's name, or mark the petition as anonymous.")
            )
        data["answer_channel"] = (
            "email" if data.get("email") else ("postal" if data.get("address") else "web")
        )
        return data
