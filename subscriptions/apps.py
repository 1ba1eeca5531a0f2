from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("E-mail subscriptions")

    def ready(self):
        from wagtail.signals import page_published

        from cms.account_sections import AccountSection, register_account_section
        from cms.consents import register_withdrawal
        from cms.models import Consent

        from . import account, services

        page_published.connect(services.page_first_published)
        register_withdrawal(Consent.Purpose.SUBSCRIPTION, services.withdraw_subscription)
        register_account_section(
            AccountSection(
                key="subscriptions",
                title=_("My e-mail subscriptions"),
                template="subscriptions/account/section.html",
                get_context=account.subscriptions_for_account,
                order=60,
            )
        )
        from cms.personal_data import PersonalDataHandler, register_personal_data

        from .personal_data import erase_subscriptions, export_subscriptions

        register_personal_data(
            PersonalDataHandler(
                key="subscriptions",
                export=export_subscriptions,
                erase=erase_subscriptions,
                order=60,
            )
        )
