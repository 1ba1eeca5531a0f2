"""Participation's public URLs, under /<lang>/participacion/ (debate and index pages
are Wagtail pages; these are the actions on them)."""

from django.urls import path

from participation.views import comments, follows, profiles, proposals, reactions, reports

app_name = "participation"

urlpatterns = [
    path("debates/proponer/", proposals.propose, name="propose"),
    path("debates/<int:page_id>/comentar/", comments.comment_post, name="comment_post"),
    path("debates/<int:page_id>/reportar/", reports.debate_report, name="debate_report"),
    path("debates/<int:page_id>/seguir/", follows.follow, name="follow"),
    path("comentarios/<int:pk>/editar/", comments.comment_edit, name="comment_edit"),
    path("comentarios/<int:pk>/retirar/", comments.comment_withdraw, name="comment_withdraw"),
    path("comentarios/<int:pk>/reaccion/", reactions.comment_react, name="comment_react"),
    path("comentarios/<int:pk>/reportar/", reports.comment_report, name="comment_report"),
    path("perfil/", profiles.my_profile, name="my_profile"),
    path("perfil/<int:pk>/", profiles.profile, name="profile"),
    path(
        "seguimiento/cancelar/<uuid:token>/",
        follows.unfollow_token,
        name="unfollow_token",
    ),
]

# Consultations: observations on the draft or a section, and positions on sections.
from participation.views import consultations  # noqa: E402

urlpatterns += [
    path(
        "consultas/<int:page_id>/comentar/",
        consultations.comment_post,
        name="consultation_comment",
    ),
    path(
        "consultas/<int:page_id>/posicion/<str:key>/",
        consultations.position_post,
        name="consultation_position",
    ),
]

# Participation certificates: anyone may check a certificate's code.
from participation.views import results  # noqa: E402

urlpatterns += [
    path(
        "certificados/verificar/",
        results.certificate_verify,
        name="certificate_verify",
    ),
]
