from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from cms.page_assets import register_script

        from .cache import connect_signals

        connect_signals()
        register_script("search/js/suggest.js")
