"""The moderation admin, mounted at /admin/moderacion/ (participation.wagtail_hooks)."""

from django.urls import path

from participation.admin_views import blocks, comments, debates, proposals, queue

app_name = "participation_admin"

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("lote/", queue.bulk, name="bulk"),
    path("comentarios/<int:pk>/", comments.comment_detail, name="comment"),
    path("debates/<int:pk>/", debates.debate_detail, name="debate"),
    path("propuestas/<int:pk>/", proposals.proposal_detail, name="proposal"),
    path("bloqueos/", blocks.block_list, name="blocks"),
    path("bloqueos/<int:pk>/levantar/", blocks.unblock, name="unblock"),
]


# Consultations: "Import text" builds a consultation's draft from a .txt or .md file.
# Mounted apart from moderation, at /admin/participacion/ (participation.wagtail_hooks).
from participation.admin_views import imports  # noqa: E402

draft_urlpatterns = (
    [path("consultas/<int:pk>/importar-texto/", imports.import_text, name="import")],
    "participation_drafts",
)


# The answers matrix of consultations, mounted at /admin/consultas/
# (participation.wagtail_hooks) under its own namespace.
from participation.admin_views import answers  # noqa: E402

answers_urls = (
    [
        path("", answers.consultation_list, name="list"),
        path("<int:pk>/", answers.consultation_answers, name="answers"),
        path("<int:pk>/respuestas/<int:answer_pk>/", answers.edit_answer, name="edit_answer"),
        path("<int:pk>/publicar/", answers.publish_matrix, name="publish"),
    ],
    "participation_answers",
)
