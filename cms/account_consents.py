"""The "Mis autorizaciones de datos" section of "Mi cuenta" (cms.account_sections) and
the withdrawal of one authorisation (a confirmation page, then a POST)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cms.consents import withdraw as withdraw_consent
from cms.models import Consent

#: what withdrawing means, per purpose, told before the citizen confirms
EFFECTS = {
    Consent.Purpose.SUBSCRIPTION: gettext_lazy(
        "You will be unsubscribed from this list and receive no more e-mails from it."
    ),
    Consent.Purpose.COMUNA: gettext_lazy(
        "Your comuna or corregimiento will be removed from your account and no longer counted."
    ),
    Consent.Purpose.PETITION: gettext_lazy(
        "The petition and its data are kept for the time the archive law requires (Ley 594 "
        "de 2000) and the law on petitions (Ley 1755 de 2015), and are used only to handle "
        "that petition. Your withdrawal is recorded: the data will not be used for anything "
        "else."
    ),
}


def delete_account_url():
    """The page that deletes the account (its consent is withdrawn by deleting it), or
    "Mi cuenta" while that page does not exist."""
    try:
        return reverse("account_delete")
    except NoReverseMatch:
        return reverse("my_account")


def consents_for_account(request):
    """The signed-in citizen's consents with their policy version (one query)."""
    if not request.user.is_authenticated:
        return None
    consents = Consent.objects.filter(user=request.user).select_related("policy_version")
    return {"consents": list(consents), "delete_account_url": delete_account_url()}


@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    """Withdraw one of the citizen's own consents; anyone else's answers 404. The
    account's own consent is withdrawn by deleting the account: the page says so."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    consent = get_object_or_404(
        Consent.objects.select_related("policy_version"), pk=pk, user=request.user
    )
    is_account = consent.purpose == Consent.Purpose.ACCOUNT
    if request.method == "POST" and consent.is_active and not is_account:
        withdraw_consent(consent)
        messages.success(request, _("Your authorisation was withdrawn."))
        return HttpResponseRedirect(reverse("my_account") + "#account-consents")
    context = {
        "consent": consent,
        "effect": EFFECTS.get(consent.purpose, ""),
        "is_account": is_account,
        "delete_account_url": delete_account_url(),
    }
    return TemplateResponse(request, "account/consent_withdraw.html", context)
