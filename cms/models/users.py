from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The portal's user. A custom model from day one (Django's advice) so that
    citizen-profile fields can be added later without a painful migration. Citizens
    sign in by email through django-allauth; the username is generated."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
