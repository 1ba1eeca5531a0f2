from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PqrConfig(AppConfig):
    name = "pqr"
    verbose_name = _("PQRSD")

    def ready(self):
        from cms.account_sections import register_account_section

        from . import account, checks  # noqa: F401 - checks registers the system check

        register_account_section(account.SECTION)
