from django.urls import path

from . import feeds, views

app_name = "subscriptions"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("pendiente/", views.pending, name="pending"),
    path("proceso/<int:page_id>/", views.subscribe_process, name="subscribe_process"),
    path("proceso/<int:page_id>/atom/", feeds.ProcessFeed(), name="process_feed"),
    path("atom/<str:list_key>/", feeds.ListFeed(), name="feed"),
    path("confirmar/<str:token>/", views.confirm, name="confirm"),
    path("baja/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("resumen/baja/<str:token>/", views.digest_unsubscribe, name="digest_unsubscribe"),
]
