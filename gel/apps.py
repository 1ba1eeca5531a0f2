from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GelConfig(AppConfig):
    name = "gel"
    verbose_name = _("Online Government (GEL)")
