"""Account views that need more than allauth's settings."""

from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse

from allauth.account import views as allauth_views


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
