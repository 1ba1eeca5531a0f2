"""The participation forms: comments and replies, edits, reports, debate proposals,
the nickname and the debate filters. Every form a person types into carries
``HumanCheckMixin`` (a honeypot and a signed render time), reused by every
participation module."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.models import Dependency
from participation import phases
from participation.models import REASON_CHOICES, Profile
from participation.models.profiles import nickname_validator

#: the longest comment (django-comments' own limit)
COMMENT_MAX_LENGTH = 3000
#: a rendered form older than this is refused (and given a fresh time)
FORM_MAX_AGE = 60 * 60 * 24
LANGUAGE_CHOICES = [("es", _("Spanish")), ("en", _("English"))]
TOO_FAST = _(
    "Your message was sent too quickly, as robots do. Wait a few seconds and send it "
    "again; your text is kept."
)
NOT_SENT = _("Your message could not be sent. Check the form and send it again.")


def current_language():
    language = (get_language() or "es").split("-")[0]
    return language if language in dict(LANGUAGE_CHOICES) else "es"


class HumanCheckMixin(forms.Form):
    """A honeypot field people never see (robots fill it) and the time the form was
    shown, signed with a salt per form: a form sent sooner than
    ``PARTICIPATION_MIN_FILL_SECONDS`` after it was shown, or with the honeypot
    filled, is refused with what was typed kept (nothing is saved)."""

    #: distinguishes this form's signed times from every other form's
    human_check_salt = "participation.form"

    sitio_web = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    rendered = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = self.data.copy()
        else:
            self.initial["rendered"] = self.render_token()

    @classmethod
    def render_token(cls):
        return signing.dumps(time.time(), salt=cls.human_check_salt)

    def _rendered_at(self):
        try:
            value = signing.loads(
                self.cleaned_data.get("rendered") or "", salt=self.human_check_salt
            )
        except signing.BadSignature:
            return None
        return value if isinstance(value, int | float) else None

    def clean(self):
        cleaned = super().clean()
        rendered_at = self._rendered_at()
        age = time.time() - rendered_at if rendered_at is not None else None
        if cleaned.get("sitio_web") or age is None or age > FORM_MAX_AGE:
            self._refresh_token()
            raise forms.ValidationError(NOT_SENT, code="not_human")
        if age < settings.PARTICIPATION_MIN_FILL_SECONDS:
            raise forms.ValidationError(TOO_FAST, code="too_fast")
        return cleaned

    def _refresh_token(self):
        """Show the form again with a fresh time (the sent one was missing or forged)."""
        self.data[self.add_prefix("rendered")] = self.render_token()
        self.data[self.add_prefix("sitio_web")] = ""


class CommentForm(HumanCheckMixin):
    """A new comment, or a reply when ``parent`` is given."""

    human_check_salt = "participation.comment"

    comment = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text; web addresses become links. Do not write personal data."),
    )
    language = forms.ChoiceField(label=_("Language of your comment"), choices=LANGUAGE_CHOICES)
    notify = forms.BooleanField(label=_("Notify me of replies by e-mail"), required=False)
    parent = forms.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = current_language()


class EditCommentForm(HumanCheckMixin):
    human_check_salt = "participation.edit"

    comment = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ReportForm(HumanCheckMixin):
    human_check_salt = "participation.report"

    reason = forms.ChoiceField(
        label=_("Why should a moderator review it?"),
        choices=REASON_CHOICES,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ProposalForm(HumanCheckMixin):
    human_check_salt = "participation.proposal"

    title = forms.CharField(
        label=_("Question or topic"),
        max_length=200,
        help_text=_("What should citizens discuss? A question where possible."),
    )
    description = forms.CharField(
        label=_("Why it matters"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Background, and what the Alcaldía could do with the result."),
    )
    dependency = forms.ModelChoiceField(
        label=_("Responsible dependency"),
        queryset=Dependency.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("I do not know"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dependency"].queryset = Dependency.objects.in_active_locale()


class NicknameForm(forms.Form):
    """The public nickname: unique whatever the case, never an e-mail address."""

    nickname = forms.CharField(
        label=_("Public nickname"),
        max_length=40,
        validators=[nickname_validator],
        help_text=_(
            "Shown on everything you write, instead of your name or e-mail. 3 to 40 "
            "letters, digits, spaces, dots, hyphens or underscores."
        ),
    )

    def __init__(self, *args, profile=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile

    def clean_nickname(self):
        nickname = " ".join(self.cleaned_data["nickname"].split())
        taken = Profile.objects.filter(nickname__iexact=nickname)
        if self.profile is not None and self.profile.pk:
            taken = taken.exclude(pk=self.profile.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("Someone already uses this nickname. Choose another one."), code="taken"
            )
        return nickname


ORDER_NEWEST = "newest"
ORDER_MOST_COMMENTED = "most_commented"


class DebateFilterForm(forms.Form):
    """The debate index's filters, read from the query string."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *phases.LABELS.items()],
    )
    dependency = forms.ModelChoiceField(
        label=_("Dependency"),
        queryset=Dependency.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All dependencies"),
    )
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            (ORDER_NEWEST, _("Newest first")),
            (ORDER_MOST_COMMENTED, _("Most commented first")),
        ],
    )
    mine = forms.BooleanField(label=_("Only debates I proposed or commented on"), required=False)

    def __init__(self, *args, signed_in=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dependency"].queryset = Dependency.objects.in_active_locale()
        if not signed_in:
            del self.fields["mine"]


# Consultations


class ConsultationCommentForm(CommentForm):
    """An observation on a consultation: on a section (``section``, the DraftSection's
    key) or, left empty, on the whole draft. Shares CommentForm's signed time, so the
    reply forms of the thread work for both."""

    section = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)


# The participant's comuna (optional, with consent; only aggregated counts are shown)


class ComunaForm(forms.Form):
    """Where the participant lives, given only with explicit consent (Ley 1581 de
    2012): a comuna without the consent box is refused and nothing is saved."""

    #: tells this form's POST apart from the nickname's on the same page
    form = forms.CharField(widget=forms.HiddenInput, initial="comuna")
    comuna = forms.ChoiceField(
        label=_("Comuna or corregimiento"),
        required=False,
        choices=[("", _("I prefer not to say"))],
        help_text=_("Optional. It is never shown next to your nickname."),
    )
    consent = forms.BooleanField(
        label=_(
            "I authorise the Alcaldía to use my comuna or corregimiento only to count, in "
            "aggregated figures, how many people from each part of Soacha take part in "
            "its processes (Ley 1581 de 2012 on personal data). It is never shown with my "
            "nickname, and I can withdraw this authorisation at any time by unticking this "
            "box."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        from participation.models.profiles import COMUNA_CHOICES

        super().__init__(*args, **kwargs)
        self.fields["comuna"].choices = [*self.fields["comuna"].choices, *COMUNA_CHOICES]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("comuna") and not cleaned.get("consent"):
            self.add_error(
                "consent",
                forms.ValidationError(
                    _(
                        "To save your comuna or corregimiento, tick the authorisation box. "
                        "Without it nothing is saved."
                    ),
                    code="no_consent",
                ),
            )
        return cleaned
