"""The beacon's address, outside the language prefixes: /uso/v/."""

from django.urls import path

from . import views

app_name = "usage_beacon"

urlpatterns = [path("v/", views.beacon, name="view")]
