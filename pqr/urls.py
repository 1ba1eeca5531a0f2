from django.urls import path

from . import downloads, views

app_name = "pqr"

urlpatterns = [
    path("", views.file_petition, name="file"),
    path("radicado/<str:radicado>/", views.acknowledgement, name="acknowledgement"),
    path("consulta/", views.track, name="track"),
    path("consulta/calificar/", views.rate, name="rate"),
    path("consulta/completar/", views.complete, name="complete"),
    path("consulta/caso/<str:radicado>/", views.tracked, name="tracked"),
    path("respuestas-anonimas/", views.anonymous_answers, name="anonymous_answers"),
    path("adjuntos/<int:pk>/", downloads.attachment, name="attachment"),
    path("mis-peticiones/", views.my_cases, name="my_cases"),
    path("mis-peticiones/<str:radicado>/", views.my_case, name="my_case"),
    path("estadisticas/", views.statistics, name="statistics"),
    path("estadisticas.csv", views.statistics_csv, name="statistics_csv"),
]
