"""The public statistics page, under each language prefix."""

from django.urls import path

from . import views

app_name = "usage"

urlpatterns = [path("", views.statistics, name="statistics")]
