"""The moderators' decision forms: each validates what the service needs, so a bad
POST changes nothing and says why."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.models import REASON_CHOICES

NOTE_HELP = _("Optional; sent to the author with the decision.")


class NoteForm(forms.Form):
    """Approve or restore: an optional note to the author."""

    note = forms.CharField(
        label=_("Note to the author"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=NOTE_HELP,
    )


class HideForm(NoteForm):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[("", "---------"), *REASON_CHOICES],
        help_text=_("Shown publicly in place of the text."),
        error_messages={"invalid_choice": _("Choose one of the listed reasons.")},
    )
    field_order = ["reason", "note"]


BLOCK_DURATIONS = [
    ("7", _("7 days")),
    ("30", _("30 days")),
    ("90", _("90 days")),
    ("permanent", _("Permanently")),
]


class BlockForm(forms.Form):
    duration = forms.ChoiceField(
        label=_("Duration"),
        choices=BLOCK_DURATIONS,
        initial="30",
        error_messages={"invalid_choice": _("Choose one of the listed durations.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sent to the participant; required."),
        error_messages={"required": _("Give the reason for the block.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for the block."))
        return reason

    def until(self):
        """When the block ends (``None``: never)."""
        duration = self.cleaned_data["duration"]
        if duration == "permanent":
            return None
        return timezone.now() + timedelta(days=int(duration))


class AcceptProposalForm(forms.Form):
    question = forms.CharField(
        label=_("Question or topic"),
        max_length=300,
        help_text=_("What citizens are asked to discuss; the proposal's title by default."),
    )
    days = forms.IntegerField(
        label=_("Open for (days)"),
        min_value=1,
        max_value=365,
        initial=30,
        help_text=_("The debate opens now and closes after this many days."),
    )


class RejectProposalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the author, with how to appeal."),
        error_messages={"required": _("Give the reason for the rejection.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for the rejection."))
        return reason


#: the most comments one bulk decision takes (a queue page holds fewer)
BULK_LIMIT = 100


class IdsField(forms.Field):
    """Ticked checkboxes: distinct database ids, sorted."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": _("Select at least one comment."),
        "invalid": _("Some of the selected comments are not valid ids."),
        "too_many": _("Select at most %(limit)s comments at a time."),
    }

    def to_python(self, value):
        values = value if isinstance(value, (list, tuple)) else [value] if value else []
        ids = set()
        for item in values:
            try:
                number = int(item)
            except (TypeError, ValueError):
                raise forms.ValidationError(self.error_messages["invalid"]) from None
            if not 0 < number < 2**31:
                raise forms.ValidationError(self.error_messages["invalid"])
            ids.add(number)
        if len(ids) > BULK_LIMIT:
            raise forms.ValidationError(self.error_messages["too_many"] % {"limit": BULK_LIMIT})
        return sorted(ids)


class BulkForm(forms.Form):
    """Approve, or hide with one reason, the comments ticked in the queue."""

    action = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("hide", _("Hide"))],
        error_messages={"invalid_choice": _("Unknown bulk action.")},
    )
    ids = IdsField()
    reason = forms.ChoiceField(
        label=_("Reason"),
        required=False,
        choices=[("", "---------"), *REASON_CHOICES],
        error_messages={"invalid_choice": _("Choose one of the listed reasons.")},
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "hide" and not data.get("reason"):
            self.add_error("reason", _("Choose the reason to hide the selected comments."))
        return data
