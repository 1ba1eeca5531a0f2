from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("General pages")

    def ready(self):
        from subscriptions import lists

        from .models import EventPage, NewsPage

        # Their first publication is e-mailed to the subscribers of the list.
        lists.register(NewsPage, lists.NEWS)
        lists.register(EventPage, lists.EVENTS)
