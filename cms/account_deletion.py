""" "Delete my account" (Ley 1581 de 2012 art. 8 e): a page that explains what is
deleted, what is kept and why, then asks for the password (and a two-factor code when
the account uses one) before it deletes the account.

The deletion is one transaction: every app's ``erase(user)`` (``cms.personal_data``)
runs, then the user row is deleted (what still points at it goes with it or is
detached by the database). Staff accounts are not deleted this way: their work
(answers, moderation, pages) must be handed over first, by an administrator."""

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from allauth.mfa.models import Authenticator
from django_ratelimit.decorators import ratelimit

from cms.personal_data import personal_data_handlers
from cms.ratelimits import is_limited, rate, too_many_requests

DELETED_SESSION_KEY = "account_deleted"


def is_staff_account(user):
    """Staff, or anyone who may open the Wagtail admin (officials, editors)."""
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


def uses_second_factor(user):
    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES]
    ).exists()


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if uses_second_factor(user):
            self.fields["code"].required = True
            self.fields["code"].error_messages["required"] = _(
                "Enter the code from your authenticator app or one of your recovery codes."
            )
        else:
            del self.fields["code"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="password")
        return password

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        authenticators = Authenticator.objects.filter(
            user=self.user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES]
        )
        if not any(authenticator.wrap().validate_code(code) for authenticator in authenticators):
            raise forms.ValidationError(_("The code is not correct."), code="code")
        return code


def delete_account(user):
    """Run every app's ``erase(user)`` and delete the user, all or nothing."""
    with transaction.atomic():
        for handler in personal_data_handlers():
            if handler.erase is not None:
                handler.erase(user)
        user.delete()


@require_http_methods(["GET", "POST"])
@ratelimit(
    group="account_delete.user",
    key="user_or_ip",
    rate=rate("account_delete"),
    method="POST",
    block=False,
)
def delete(request):
    """The explanation and the confirmation form; on a valid POST, the deletion, the
    sign-out and the confirmation page."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    template = "account/delete_account.html"
    context = {"is_staff_account": is_staff_account(user)}
    status = 200
    if context["is_staff_account"]:
        status = 403 if request.method == "POST" else 200
        context["form"] = None
    elif request.method == "POST":
        form = DeleteAccountForm(request.POST, user=user)
        context["form"] = form
        if is_limited(request):
            return too_many_requests(request, template, context)
        if form.is_valid():
            delete_account(user)
            logout(request)
            request.session[DELETED_SESSION_KEY] = True
            return HttpResponseRedirect(reverse("account_deleted"))
        status = 400
    else:
        context["form"] = DeleteAccountForm(user=user)
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def deleted(request):
    """The confirmation, shown once to the browser that deleted its account."""
    if not request.session.pop(DELETED_SESSION_KEY, False):
        return HttpResponseRedirect(reverse("wagtail_serve", args=[""]))
    response = TemplateResponse(request, "account/account_deleted.html", {})
    add_never_cache_headers(response)
    return response
