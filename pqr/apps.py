from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PqrConfig(AppConfig):
    name = "pqr"
    verbose_name = _("PQRSD")

    def ready(self):
        from . import checks  # noqa: F401 - registers the system check
