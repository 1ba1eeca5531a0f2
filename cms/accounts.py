"""Account views that need more than allauth's settings."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from allauth.account import views as allauth_views
from allauth.account.adapter import DefaultAccountAdapter

from cms.account_forms import AccountSettingsForm
from cms.account_sections import account_sections
from cms.client_ip import client_ip
from cms.redirects import safe_next


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter, with the site's one notion of the client address (rate
    limits, the address named in security emails)."""

    def get_client_ip(self, request):
        return client_ip(request)

    def get_login_redirect_url(self, request):
        """Without a ``next``, the home page in the language of the sign-in page. (The
        bare LOGIN_REDIRECT_URL "/" lets LocaleMiddleware pick the language from the
        browser, so a reader of the Spanish site with an English browser landed on /en/.)
        The header's sign-in link carries ``next``, the page it was on."""
        return reverse("wagtail_serve", args=[""])


class SignupView(allauth_views.SignupView):
    """allauth's sign-up, safe when two requests register the same email at once.

    allauth checks that the address is unused, but two racing requests both pass that
    check; the database's unique constraints (email, username) then stop the second.
    Its sender sees the same "check your email" page as any sign-up, as allauth does
    for an address that already has an account, so nobody learns whether it exists."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except IntegrityError:
            return HttpResponseRedirect(reverse("account_email_verification_sent"))


signup = SignupView.as_view()


def login_redirect(request):
    """Send any other login URL (Wagtail's admin and front-end forms) to allauth's
    login, keeping a safe ``next`` from the query or the posted form. It never
    authenticates: a password posted here is dropped."""
    target = reverse("account_login")
    next_url = safe_next(request, None)
    if next_url:
        query = QueryDict(mutable=True)
        query["next"] = next_url
        target = f"{target}?{query.urlencode(safe='/')}"
    return HttpResponseRedirect(target)


def my_account(request):
    """ "Mi cuenta": the profile links, the settings form and every section the apps
    register (cms.account_sections), each rendered with its own template and context."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    initial = AccountSettingsForm.initial_for(request.user)
    status = 200
    if request.method == "POST":
        form = AccountSettingsForm(request.POST, initial=initial)
        if form.is_valid():
            form.save(request.user)
            messages.success(request, _("Your preferences were saved."))
            return HttpResponseRedirect(reverse("my_account"))
        status = 400
    else:
        form = AccountSettingsForm(initial=initial)
    sections = []
    for section in account_sections():
        context = section.get_context(request)
        if context is not None:
            sections.append({"section": section, "context": context})
    context = {"form": form, "sections": sections}
    return TemplateResponse(request, "account/my_account.html", context, status=status)
