from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.inbox, name="inbox"),
    path("<int:pk>/", admin_views.case_detail, name="case"),
    path("verbal/", admin_views.verbal_create, name="verbal"),
]
