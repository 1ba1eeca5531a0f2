from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Portal core")

    def ready(self):
        from . import staff_2fa  # noqa: F401 (signal receivers)
        from .exports import guard_wagtail_exports
        from .navigation import NAVIGATION_CACHE

        NAVIGATION_CACHE.connect_signals()
        guard_wagtail_exports()
