from django.urls import path

from . import views

app_name = "gel"

urlpatterns = [
    path("autoevaluacion/", views.self_assessment, name="self_assessment"),
    path("plan-de-accion/", views.action_plan, name="action_plan"),
]
