from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The portal's user. A custom model from day one (Django's advice) so that
    citizen-profile fields can be added later without a painful migration. Citizens
    sign in by email through django-allauth; the username is generated.

    allauth checks that an email is unused, but two sign-ups racing each other would
    both pass that check: the case-insensitive unique constraint makes the database
    the referee (see ``cms.accounts.SignupView``)."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), condition=~models.Q(email=""), name="cms_user_email_unique_ci"
            )
        ]
