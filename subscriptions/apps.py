from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("E-mail subscriptions")

    def ready(self):
        from wagtail.signals import page_published

        from . import services

        page_published.connect(services.page_first_published)
