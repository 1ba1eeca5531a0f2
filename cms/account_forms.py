"""The account forms: sign-up with the data-treatment consent, and the settings form
of "Mi cuenta" (the language of e-mails and how often each kind of notification is
sent)."""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from allauth.account.forms import SignupForm as AllauthSignupForm

from cms.consents import record_consent
from cms.models import Consent, NotificationPreference


class SignupForm(AllauthSignupForm):
    """allauth's sign-up with a required consent to the data-treatment policy (Ley 1581
    de 2012 art. 9), recorded with the account in the sign-up's transaction
    (``cms.accounts.SignupView``)."""

    consent = forms.BooleanField(
        label=_("I authorise the processing of my personal data for my account"),
        error_messages={"required": _("To create an account, accept the data-treatment policy.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = format_html(
            '<a href="{}">{}</a>', reverse("data_policy"), _("Read the data-treatment policy")
        )

    def save(self, request):
        user = super().save(request)
        if user is not None:
            record_consent(
                Consent.Purpose.ACCOUNT,
                Consent.Channel.SIGNUP,
                user=user,
                email=user.email,
                covers=user,
            )
        return user


HELP = {
    NotificationPreference.Kind.REPLIES: _("When someone answers a comment or thread you follow."),
    NotificationPreference.Kind.PETITIONS: _(
        "The answer to a petition, and any extension, transfer or request to complete it, "
        "is always sent to you by e-mail at once, because the law requires notifying it "
        "(Ley 1755 de 2015). This choice applies to the other news of your petitions."
    ),
    NotificationPreference.Kind.FOLLOWED: _(
        "New comments in the debates and consultations you follow, their results and norms."
    ),
    NotificationPreference.Kind.DIGESTS: _("A summary of news and new participation processes."),
}


class AccountSettingsForm(forms.Form):
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        help_text=_("The portal's e-mails to you are written in this language."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in NotificationPreference.Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=NotificationPreference.Frequency.choices,
                widget=forms.RadioSelect,
                help_text=HELP[kind],
            )

    def preference_fields(self):
        return [self[kind.value] for kind in NotificationPreference.Kind]

    @classmethod
    def initial_for(cls, user):
        initial = {"preferred_language": user.preferred_language or settings.LANGUAGE_CODE}
        initial.update(NotificationPreference.for_user(user.pk))
        return initial

    def save(self, user):
        user.preferred_language = self.cleaned_data["preferred_language"]
        user.save(update_fields=["preferred_language"])
        for kind in NotificationPreference.Kind:
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"frequency": self.cleaned_data[kind.value]}
            )
