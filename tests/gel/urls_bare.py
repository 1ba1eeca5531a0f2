"""A URL configuration with only Wagtail's pages: the portal's views (PQRSD, search,
subscriptions, accounts) are not served, as on a site without those features."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls

urlpatterns = i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)
