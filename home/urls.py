"""Home's own routes (included by the root URLconf under its language prefix)."""

from django.urls import path

from . import views

urlpatterns = [path("", views.site_map, name="site_map")]
