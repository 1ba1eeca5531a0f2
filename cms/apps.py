from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Portal core")

    def ready(self):
        from . import media_ranges, staff_2fa  # noqa: F401 (hook, signal receivers)
        from .exports import guard_wagtail_exports
        from .navigation import NAVIGATION_CACHE
        from .site_identity import name_default_site

        NAVIGATION_CACHE.connect_signals()
        guard_wagtail_exports()
        # No sender: it must also run after django.contrib.sites creates example.com.
        post_migrate.connect(name_default_site, dispatch_uid="cms.name_default_site")
