from django.urls import path

from participation.views import follows

app_name = "participation"

urlpatterns = [
    path(
        "seguimiento/cancelar/<uuid:token>/",
        follows.unfollow_token,
        name="unfollow_token",
    ),
]
