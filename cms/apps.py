from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Portal core")

    def ready(self):
        from . import media_ranges, purge, staff_2fa  # noqa: F401 (hook, signal receivers)
        from .account_consents import consents_for_account
        from .account_data import data_for_account
        from .account_records import erase_account, export_account
        from .account_sections import AccountSection, register_account_section
        from .consents import erase_consents, export_consents
        from .exports import guard_wagtail_exports
        from .navigation import NAVIGATION_CACHE
        from .personal_data import PersonalDataHandler, register_personal_data
        from .site_identity import name_default_site

        NAVIGATION_CACHE.connect_signals()
        purge.connect_signals()
        guard_wagtail_exports()
        # No sender: it must also run after django.contrib.sites creates example.com.
        post_migrate.connect(name_default_site, dispatch_uid="cms.name_default_site")
        register_account_section(
            AccountSection(
                key="consents",
                title=_("My data authorisations"),
                template="account/consents_section.html",
                get_context=consents_for_account,
                order=90,
            )
        )
        register_account_section(
            AccountSection(
                key="personal-data",
                title=_("My personal data"),
                template="account/personal_data_section.html",
                get_context=data_for_account,
                order=95,
            )
        )
        register_personal_data(
            PersonalDataHandler(
                key="consents", export=export_consents, erase=erase_consents, order=90
            )
        )
        register_personal_data(
            PersonalDataHandler(key="account", export=export_account, erase=erase_account, order=10)
        )
