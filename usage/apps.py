from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsageConfig(AppConfig):
    name = "usage"
    verbose_name = _("Usage statistics")

    def ready(self):
        from cms.assessment_facts import publish

        from .stats import days_counted

        publish("usage.days_counted", days_counted)
