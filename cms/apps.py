from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Portal core")

    def ready(self):
        from django_comments.signals import comment_will_be_posted

        from . import staff_2fa  # noqa: F401 (signal receivers)
        from .client_ip import record_comment_address
        from .exports import guard_wagtail_exports
        from .navigation import NAVIGATION_CACHE

        comment_will_be_posted.connect(record_comment_address, dispatch_uid="cms-client-ip")
        NAVIGATION_CACHE.connect_signals()
        guard_wagtail_exports()
