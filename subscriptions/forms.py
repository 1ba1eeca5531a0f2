"""The public subscription form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.models import Dependency

from . import lists

NOT_SENT = _("Your request could not be sent. Check the form and send it again.")


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address like nombre@ejemplo.com."),
        },
    )
    list_key = forms.ChoiceField(
        label=_("What do you want to receive?"),
        choices=lists.CHOICES,
        initial=lists.NEWS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you want to receive.")},
    )
    dependency = forms.ModelChoiceField(
        label=_("Only the news of this dependency (optional)"),
        queryset=Dependency.objects.none(),
        required=False,
        empty_label=_("All the news"),
        error_messages={"invalid_choice": _("Choose a dependency from the list.")},
    )
    consent = forms.BooleanField(
        label=_("I accept the data-treatment policy and the use of my address to send me this"),
        error_messages={"required": _("You must accept the data-treatment policy to subscribe.")},
    )
    # A field people never see; robots fill it.
    sitio_web = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dependency"].queryset = Dependency.objects.in_active_locale().order_by(
            "sort_order", "name"
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sitio_web"):
            raise forms.ValidationError(NOT_SENT, code="honeypot")
        if cleaned.get("list_key") != lists.NEWS:
            cleaned["dependency"] = None
        return cleaned


class ProcessSubscribeForm(forms.Form):
    """Subscribe to the news, or only the results, of one process (on its page)."""

    email = SubscribeForm.base_fields["email"]
    list_key = forms.ChoiceField(
        label=_("What do you want to receive about this process?"),
        choices=list(lists.PROCESS_LISTS.items()),
        initial=lists.PROCESS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you want to receive.")},
    )
    consent = SubscribeForm.base_fields["consent"]
    sitio_web = SubscribeForm.base_fields["sitio_web"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "proceso")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sitio_web"):
            raise forms.ValidationError(NOT_SENT, code="honeypot")
        return cleaned
