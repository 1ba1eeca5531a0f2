from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GelConfig(AppConfig):
    name = "gel"
    verbose_name = _("Online Government (GEL)")

    def ready(self):
        from wagtail.signals import page_published

        from .report_page import BimonthlyReportPage
        from .reports import on_page_published

        page_published.connect(
            on_page_published, sender=BimonthlyReportPage, dispatch_uid="gel_report_translations"
        )
