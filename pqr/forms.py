"""Public forms: filing, tracking and the satisfaction rating (plain Django forms, no JS)."""

import secrets
import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _

from . import terms
from .identity import DocumentType, normalise_document, normalise_phone
from .models import PUBLIC_TYPES, AnswerChannel, Channel, PetitionType, Rating

#: extension -> (MIME type, magic-bytes check)
ALLOWED_FILES = {
    "pdf": ("application/pdf", lambda head, f: head.startswith(b"%PDF-")),
    "jpg": ("image/jpeg", lambda head, f: head.startswith(b"\xff\xd8\xff")),
    "jpeg": ("image/jpeg", lambda head, f: head.startswith(b"\xff\xd8\xff")),
    "png": ("image/png", lambda head, f: head.startswith(b"\x89PNG\r\n\x1a\n")),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda head, f: head.startswith(b"PK\x03\x04") and _is_docx(f),
    ),
}


def _is_docx(upload):
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        if not isinstance(data, list | tuple):
            data = [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in data]


def check_upload(upload):
    """Validate one file by size, extension and real content (magic bytes)."""
    if upload.size > terms.MAX_ATTACHMENT_BYTES:
        raise forms.ValidationError(
            _("“%(name)s” is larger than %(size)s MB."),
            params={"name": upload.name, "size": terms.MAX_ATTACHMENT_BYTES // (1024 * 1024)},
            code="too_big",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    allowed = ALLOWED_FILES.get(extension)
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not allowed or not allowed[1](head, upload):
        raise forms.ValidationError(
            _("“%(name)s” is not an allowed file. Attach PDF, JPG, PNG or DOCX files."),
            params={"name": upload.name},
            code="bad_type",
        )
    upload.detected_type = allowed[0]
    return upload


def clean_uploads(files):
    """Check the count cap and every file; report all bad files at once."""
    if len(files) > terms.MAX_ATTACHMENTS:
        raise forms.ValidationError(
            _("Attach at most %(count)s files."), params={"count": terms.MAX_ATTACHMENTS}
        )
    errors, checked = [], []
    for upload in files:
        try:
            checked.append(check_upload(upload))
        except forms.ValidationError as error:
            errors.append(error)
    if errors:
        raise forms.ValidationError(errors)
    return checked


def id_type_field():
    return forms.ChoiceField(
        label=_("Identity document type"),
        choices=[("", "—"), *DocumentType.choices],
        initial=DocumentType.CC,
        required=False,
    )


def clean_identity(form, data):
    """Check the document number against its type and the phone number, and keep
    their normal forms (only for a petitioner who gives their identity)."""
    phone = (data.get("phone") or "").strip()
    if phone:
        try:
            data["phone"] = normalise_phone(phone)
        except forms.ValidationError as error:
            form.add_error("phone", error)
    number = (data.get("id_number") or "").strip()
    if not number:
        data["id_type"] = ""
        return
    if not data.get("id_type"):
        form.add_error("id_type", _("Choose the type of identity document."))
        return
    try:
        data["id_number"] = normalise_document(data["id_type"], number)
    except forms.ValidationError as error:
        form.add_error("id_number", error)


class PetitionerForm(forms.Form):
    """What every online filing asks besides the request itself: attachments, the
    petitioner's identity and contact (optional when filing anonymously), how the
    answer is sent and the consent to the privacy notice. ``FilingForm`` adds the
    PQRSD form's type, subject and description; ``pqr.online_forms`` adds an editor's
    form fields."""

    form_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Up to 3 files (PDF, JPG, PNG or DOCX), 5 MB each."),
    )
    anonymous = forms.BooleanField(
        label=_("File anonymously"),
        required=False,
        help_text=_(
            "Anonymous petitions are processed when they give enough facts; the answer is "
            "published on this website."
        ),
    )
    name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    id_type = id_type_field()
    id_number = forms.CharField(label=_("Identity document number"), max_length=30, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        help_text=_("A Colombian mobile or landline, as in 300 123 4567 or 601 575 5700."),
    )
    address = forms.CharField(label=_("Postal address"), max_length=250, required=False)
    answer_channel = forms.ChoiceField(
        label=_("How do you want to receive the answer?"),
        choices=AnswerChannel.choices,
        initial=AnswerChannel.EMAIL,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and authorise the processing of my data"),
        required=True,
        error_messages={"required": _("You must accept the privacy notice to file.")},
    )

    #: Contact fields required only for some choices: field -> (``data-required-when``
    #: value read by pqr/js/file_petition.js, the rule in words for labels without JS).
    CONDITIONAL_FIELDS = {
        "name": ("identified", _("required if the petition is not anonymous")),
        "email": (
            AnswerChannel.EMAIL.value,
            _("required if the petition is not anonymous and the answer goes by email"),
        ),
        "address": (
            AnswerChannel.POSTAL.value,
            _("required if the petition is not anonymous and the answer goes by postal mail"),
        ),
    }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["form_token"].initial = secrets.token_urlsafe(24)
            if user is not None and user.is_authenticated:
                # A signed-in citizen starts from their account's name and email.
                self.initial.setdefault("name", user.get_full_name())
                self.initial.setdefault("email", user.email)
        for name, (when, rule) in self.CONDITIONAL_FIELDS.items():
            field = self.fields[name]
            field.required_rule = rule
            field.widget.attrs["data-required-when"] = when

    def clean_attachments(self):
        return clean_uploads(self.cleaned_data["attachments"])

    def clean(self):
        data = super().clean()
        if not data.get("anonymous"):
            clean_identity(self, data)
            if not data.get("name"):
                self.add_error("name", _("Give your name, or file anonymously."))
            channel = data.get("answer_channel")
            if channel == AnswerChannel.EMAIL and not data.get("email"):
                self.add_error("email", _("Give an email address to receive the answer by email."))
            if channel == AnswerChannel.POSTAL and not data.get("address"):
                self.add_error("address", _("Give a postal address to receive the answer by mail."))
        else:
            data["answer_channel"] = AnswerChannel.WEB
            for field in ("name", "id_type", "id_number", "email", "phone", "address"):
                data[field] = ""
        data["channel"] = Channel.WEB
        return data


class FilingForm(PetitionerForm):
    """The PQRSD petition. Identity fields are optional when filing anonymously."""

    petition_type = forms.ChoiceField(
        label=_("Type of request"),
        choices=[(t.value, t.label) for t in PUBLIC_TYPES],
        initial=PetitionType.GENERAL,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Explain what you request and why (up to 10,000 characters)."),
    )

    field_order = ["form_token", "petition_type", "subject", "description", "attachments"]

    def clean_description(self):
        text = self.cleaned_data["description"]
        if len(text) > terms.MAX_DESCRIPTION_CHARS:
            raise forms.ValidationError(
                _(
                    "The description has %(length)s characters; the maximum is %(max)s. "
                    "Shorten it or attach a document."
                ),
                params={"length": len(text), "max": terms.MAX_DESCRIPTION_CHARS},
            )
        return text


class TrackingForm(forms.Form):
    radicado = forms.CharField(label=_("Filing number"), max_length=30)
    codigo = forms.CharField(label=_("Tracking code"), max_length=64)

    def clean_radicado(self):
        return self.cleaned_data["radicado"].strip().upper()


class CompletionForm(forms.Form):
    """What the petitioner supplies to complete an incomplete petition."""

    text = forms.CharField(
        label=_("Missing information"),
        required=False,
        max_length=terms.MAX_DESCRIPTION_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Write what was requested, attach it, or both."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Up to 3 files (PDF, JPG, PNG or DOCX), 5 MB each."),
    )

    def clean_attachments(self):
        return clean_uploads(self.cleaned_data["attachments"])

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("text", "").strip() and not data.get("attachments"):
            raise forms.ValidationError(
                _("Write the missing information or attach it."), code="empty"
            )
        return data


class RatingForm(forms.ModelForm):
    # Five radio buttons, none preselected and no empty "---------" choice.
    score = forms.TypedChoiceField(
        label=_("How satisfied are you with the answer? (1 = not at all, 5 = very)"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating from 1 to 5.")},
    )

    class Meta:
        model = Rating
        fields = ["score", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 3})}
        # field.html marks the optional field itself.
        labels = {"comment": _("Comment")}
